#include "filter/filter_edit.h"
#include "filter/filter_json.h"

#include <doctest/doctest.h>

using namespace sightline;

namespace {

ActivityFilter parse(const char* json) {
    auto result = parse_filter_json(json);
    REQUIRE_MESSAGE(result.filter, result.error);
    return *result.filter;
}

} // namespace

TEST_CASE("basic bar values are set, replaced in place and removed") {
    ActivityFilter f = parse(R"({"all":[{"field":"app","op":"eq","values":["Box"]},
                                        {"field":"user","op":"neq","values":["x@y.example"]}]})");
    CHECK(top_level_values(f, "app", FilterOp::Eq) == std::vector<std::string>{"Box"});
    CHECK(top_level_values(f, "user", FilterOp::Eq).empty());

    f = with_top_level_values(f, "app", FilterOp::Eq, {"Box", "Salesforce"});
    CHECK(filter_to_json(f) ==
          R"({"all":[{"field":"app","op":"eq","values":["Box","Salesforce"]},{"field":"user","op":"neq","values":["x@y.example"]}]})");
    f = with_top_level_values(f, "country", FilterOp::Eq, {"US"});
    CHECK(f.root.children.size() == 3);
    CHECK(f.root.children.back().condition.field == "country");
    f = with_top_level_values(f, "app", FilterOp::Eq, {});
    CHECK(f.root.children.size() == 2);
    CHECK(f.root.children.front().condition.field == "user");
}

TEST_CASE("add to filter appends a value once") {
    ActivityFilter f;
    f = with_value_added(f, "ip", FilterOp::Eq, "10.0.0.1");
    f = with_value_added(f, "ip", FilterOp::Eq, "10.0.0.1");
    f = with_value_added(f, "ip", FilterOp::Eq, "10.0.0.2");
    CHECK(top_level_values(f, "ip", FilterOp::Eq) == std::vector<std::string>{"10.0.0.1", "10.0.0.2"});
    f = with_value_added(f, "ip", FilterOp::Neq, "10.0.0.3");
    CHECK(f.root.children.size() == 2);
}

TEST_CASE("without_field removes the field everywhere and drops emptied groups") {
    ActivityFilter f = parse(R"({"all":[{"field":"app","op":"eq","values":["Box"]},
        {"any":[{"field":"app","op":"neq","values":["Teams"]}]},
        {"any":[{"field":"app","op":"eq","values":["Box"]},{"field":"user","op":"is_set","values":[]}]}]})");
    ActivityFilter g = without_field(f, "app");
    CHECK(filter_to_json(g) == R"({"all":[{"any":[{"field":"user","op":"is_set","values":[]}]}]})");
    CHECK(without_field(f, "country").root.children.size() == 3);
}

TEST_CASE("a root that is an any-group is wrapped before editing") {
    ActivityFilter f = parse(R"({"any":[{"field":"app","op":"eq","values":["Box"]}]})");
    ActivityFilter g = with_top_level_values(f, "user", FilterOp::Eq, {"a@b.example"});
    REQUIRE(g.root.kind == FilterNode::Kind::All);
    CHECK(g.root.children.size() == 2);
    CHECK(g.root.children[0].kind == FilterNode::Kind::Any);
}

TEST_CASE("with_condition_added keeps value-less conditions") {
    ActivityFilter f = with_condition_added({}, {"admin", FilterOp::IsTrue, {}});
    CHECK(filter_to_json(f) == R"({"all":[{"field":"admin","op":"is_true","values":[]}]})");
}

TEST_CASE("chips and add to filter leave a user row with another role alone") {
    ActivityFilter f = parse(R"({"all":[{"field":"user","as":"object","op":"eq","values":["boss@y.example"]}]})");
    CHECK(top_level_values(f, "user", FilterOp::Eq).empty());
    f = with_value_added(f, "user", FilterOp::Eq, "me@y.example");
    CHECK(filter_to_json(f) == R"({"all":[{"field":"user","as":"object","op":"eq","values":["boss@y.example"]},)"
                               R"({"field":"user","op":"eq","values":["me@y.example"]}]})");
    f = with_top_level_values(f, "user", FilterOp::Eq, {});
    CHECK(filter_to_json(f) == R"({"all":[{"field":"user","as":"object","op":"eq","values":["boss@y.example"]}]})");
}

TEST_CASE("without_field follows what a user row reads: objects as object, both as any") {
    ActivityFilter f = parse(R"({"all":[{"field":"user","op":"eq","values":["a@y.example"]},
        {"field":"user","as":"object","op":"eq","values":["b@y.example"]},
        {"field":"user","as":"any","op":"neq","values":["c@y.example"]}]})");
    CHECK(filter_to_json(without_field(f, "user")) ==
          R"({"all":[{"field":"user","as":"object","op":"eq","values":["b@y.example"]}]})");
    CHECK(filter_to_json(without_field(f, "objects")) ==
          R"({"all":[{"field":"user","op":"eq","values":["a@y.example"]}]})");
}
