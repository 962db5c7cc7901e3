#include "api/ip_range_calls.h"

#include "app/ip_range_json.h"

#include <stdexcept>

namespace sightline {
namespace {

std::string string_at(const rapidjson::Value& args, rapidjson::SizeType index, const char* what) {
    if (index >= args.Size() || !args[index].IsString()) throw std::invalid_argument(std::string(what) + " must be a string");
    return {args[index].GetString(), args[index].GetStringLength()};
}

// {ok: true, ranges: [...]} after a change, so a caller sees the range as it was stored.
std::string ok_with_ranges(AppModel& model, const std::string& error) {
    if (!error.empty()) throw std::invalid_argument(error);
    return R"({"ok":true,"ranges":)" + ip_ranges_to_json_array(model.ip_ranges()) + "}";
}

} // namespace

std::string set_ip_range_call(AppModel& model, const rapidjson::Value& args) {
    if (args.Size() < 1) throw std::invalid_argument("setIpRange({name, cidrs, category, tags, isp, country}) needs a range");
    std::string error;
    std::optional<IpRangeDefinition> range = ip_range_from_json(args[0], error);
    if (!range) throw std::invalid_argument(error);
    // An optional second argument renames: setIpRange(range, "old name").
    const std::string editing = args.Size() > 1 && !args[1].IsNull() ? string_at(args, 1, "the name of the range to edit") : "";
    return ok_with_ranges(model, model.set_ip_range(*range, editing));
}

std::string ip_ranges_call(AppModel& model, const rapidjson::Value&) { return ip_ranges_to_json_array(model.ip_ranges()); }

std::string remove_ip_range_call(AppModel& model, const rapidjson::Value& args) {
    return ok_with_ranges(model, model.remove_ip_range(string_at(args, 0, "the range name")));
}

std::string set_ip_as_call(AppModel& model, const rapidjson::Value& args) {
    return ok_with_ranges(model, model.set_ip_as(string_at(args, 0, "the IP address"), string_at(args, 1, "the category")));
}

std::string undo_call(AppModel& model, const rapidjson::Value&) { return ok_with_ranges(model, model.undo_ip_ranges()); }

} // namespace sightline
