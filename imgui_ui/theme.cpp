#include "theme.h"

#include <imgui.h>

#include <cstdio>

namespace sightline {
namespace {

bool file_exists(const char* path) {
    if (!path) return false;
    std::FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

void apply_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.16f, 0.17f, 0.20f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.18f, 0.20f, 0.24f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1.0f, 1.0f, 1.0f, 0.03f);
    c[ImGuiCol_Header] = ImVec4(0.20f, 0.40f, 0.70f, 0.55f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.46f, 0.78f, 0.45f);
}

} // namespace

void apply_theme(float pixel_ratio, const char* font_path) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = 15.0f * pixel_ratio;
    ImFont* font = nullptr;
    if (file_exists(font_path)) font = io.Fonts->AddFontFromFileTTF(font_path, size);
    if (!font) {
        ImFontConfig config;
        config.SizePixels = 13.0f * pixel_ratio;
        io.Fonts->AddFontDefault(&config);
    }
    ImGuiStyle style;
    apply_colours(style);
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(8, 4);
    style.CellPadding = ImVec2(6, 3);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14;
    style.FrameRounding = 3;
    style.ScaleAllSizes(pixel_ratio);
    ImGui::GetStyle() = style;
}

} // namespace sightline
