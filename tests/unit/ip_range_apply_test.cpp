// Applying IP ranges to the loaded activities through AppModel's commands. Every expectation is
// computed another way: which rows a range holds by a plain SQL read of the ip column and an
// address check written here without util/ip_address (dotted quads as integers, RFC 5952 text
// prefixes), and the exported values from a second store loaded with the same demo data.
#include "app/app_model.h"
#include "app/import_file_driver.h"
#include "demo/demo_generator.h"
#include "filter/filter_json.h"
#include "query/activity_query.h"
#include "store/kept_chunks.h"

#include "app_model_support.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <set>

using namespace sightline;

namespace {

// What a range can change, for one activity.
struct IpFields {
    std::string ip, category, isp, country;
    std::set<std::string> tags;
    bool operator==(const IpFields&) const = default;
};
using Snapshot = std::map<std::string, IpFields>; // by activity id

Snapshot snapshot(const ActivityStore& store) {
    Snapshot out;
    Statement st = prepare(store.db(), "SELECT id, ip, ip_category, isp, country FROM activities");
    while (step_row(store.db(), st.get()))
        out[column_text(st.get(), 0)] = {column_text(st.get(), 1), column_text(st.get(), 2), column_text(st.get(), 3),
                                         column_text(st.get(), 4), {}};
    Statement tags = prepare(store.db(), "SELECT a.id, t.value FROM activity_ip_tags t JOIN activities a ON a.rowid = t.activity");
    while (step_row(store.db(), tags.get())) out[column_text(tags.get(), 0)].tags.insert(column_text(tags.get(), 1));
    return out;
}

// The exported values: the demo data in a store no range ever touched.
Snapshot exported_demo() {
    ActivityStore store;
    ActivityWriter writer(store);
    for (const Activity& a : generate_demo_activities()) writer.insert(a);
    writer.commit();
    return snapshot(store);
}

// IPv4 membership without util/ip_address: the dotted quad read as one 32-bit number.
bool in_v4(const std::string& ip, const char* network, int bits) {
    unsigned a, b, c, d, n1, n2, n3, n4;
    char tail;
    if (std::sscanf(ip.c_str(), "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) != 4) return false;
    std::sscanf(network, "%u.%u.%u.%u", &n1, &n2, &n3, &n4);
    const uint64_t value = (uint64_t{a} << 24) | (b << 16) | (c << 8) | d;
    const uint64_t net = (uint64_t{n1} << 24) | (n2 << 16) | (n3 << 8) | n4;
    const uint64_t mask = bits == 0 ? 0 : (0xFFFFFFFFull << (32 - bits)) & 0xFFFFFFFFull;
    return (value & mask) == (net & mask);
}

IpRangeDefinition range(std::string name, std::string cidr, std::string category, std::vector<std::string> tags = {}) {
    IpRangeDefinition r;
    r.name = std::move(name);
    r.cidrs = {std::move(cidr)};
    r.category = std::move(category);
    r.tags = std::move(tags);
    return r;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

int64_t sql_count(const ActivityStore& store, const char* sql, const std::string& value) {
    Statement st = prepare(store.db(), sql);
    bind_text(st.get(), 1, value);
    step_row(store.db(), st.get());
    return sqlite3_column_int64(st.get(), 0);
}

ActivityFilter filter(const char* json) { return *parse_filter_json(json).filter; }

IpRangeDefinition office_vpn() {
    IpRangeDefinition r;
    r.name = "Seattle VPN";
    r.cidrs = {"192.0.2.0/26", "2001:db8:c0::/48"};
    r.category = "VPN";
    r.tags = {"Office VPN", "Corporate network"}; // the second is exported already: not added twice
    r.isp = "Contoso VPN";
    r.country = "NL";
    return r;
}

bool in_office_vpn(const std::string& ip) { return in_v4(ip, "192.0.2.0", 26) || starts_with(ip, "2001:db8:c0:"); }

bool is_internal(const std::string& ip) {
    return in_v4(ip, "10.0.0.0", 8) || in_v4(ip, "172.16.0.0", 12) || in_v4(ip, "192.168.0.0", 16) ||
           in_v4(ip, "100.64.0.0", 10) || in_v4(ip, "127.0.0.0", 8) || in_v4(ip, "169.254.0.0", 16) || ip == "::1" ||
           starts_with(ip, "fc") || starts_with(ip, "fd") || starts_with(ip, "fe8") || starts_with(ip, "fe9") ||
           starts_with(ip, "fea") || starts_with(ip, "feb");
}

// The exported values with the built-in ranges' `Internal` tag, as the model shows them.
Snapshot with_builtin(Snapshot s) {
    for (auto& [id, f] : s)
        if (is_internal(f.ip)) f.tags.insert("Internal");
    return s;
}

} // namespace

TEST_CASE("built-in ranges tag internal addresses and change nothing else") {
    AppModel model;
    model.load_demo_data();
    const Snapshot exported = exported_demo();
    const Snapshot shown = snapshot(model.store());
    CHECK(shown == with_builtin(exported));
    int internal = 0;
    for (const auto& [id, f] : exported) internal += is_internal(f.ip);
    CHECK(internal > 0); // the demo's phone carriers sit in 100.64.0.0/10
    CHECK(sql_count(model.store(), "SELECT count(*) FROM activity_ip_tags WHERE value = ?", "Internal") == internal);
}

TEST_CASE("a range sets category, tags, ISP and country of exactly its activities; removing it restores the export") {
    AppModel model;
    model.load_demo_data();
    model.complete_indexes(); // the column copy is built: filters below take the fast path
    REQUIRE(model.store().columns());
    const Snapshot before = snapshot(model.store());

    REQUIRE(model.set_ip_range(office_vpn()) == "");
    const Snapshot after = snapshot(model.store());
    int64_t inside = 0;
    for (const auto& [id, was] : before) {
        const IpFields& now = after.at(id);
        if (!in_office_vpn(was.ip)) {
            CHECK(now == was);
            continue;
        }
        ++inside;
        CHECK(now.category == "VPN");
        CHECK(now.isp == "Contoso VPN");
        CHECK(now.country == "NL");
        std::set<std::string> tags = was.tags;
        tags.insert("Office VPN");
        tags.insert("Corporate network");
        CHECK(now.tags == tags);
    }
    REQUIRE(inside > 100);
    // No tag was written twice.
    CHECK(sql_count(model.store(), "SELECT count(*) FROM (SELECT activity, value FROM activity_ip_tags "
                                   "GROUP BY activity, value HAVING count(*) > 1 AND value <> ?)", "") == 0);

    // The column copy stayed complete and answers as SQL does.
    REQUIRE(model.store().columns());
    // The demo exports VPN addresses of its own: they count too.
    int64_t vpn_outside = 0;
    for (const auto& [id, was] : before) vpn_outside += !in_office_vpn(was.ip) && was.category == "VPN";
    const ActivityFilter vpn = filter(R"({"all":[{"field":"ip_category","op":"eq","values":["VPN"]}]})");
    REQUIRE(column_matches(model.store(), vpn));
    CHECK(count_matching(model.store(), vpn) == inside + vpn_outside);
    CHECK(count_matching(model.store(), vpn) ==
          sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip_category = ?", "VPN"));
    const ActivityFilter nl = filter(R"({"all":[{"field":"country","op":"eq","values":["NL"]}]})");
    CHECK(count_matching(model.store(), nl) ==
          sql_count(model.store(), "SELECT count(*) FROM activities WHERE country = ?", "NL"));
    const ActivityFilter tagged = filter(R"({"all":[{"field":"ip_tags","op":"eq","values":["Office VPN"]}]})");
    CHECK(count_matching(model.store(), tagged) == inside);
    for (const ValueCount& c : count_values(model.store(), "ip_category", {}, 20))
        CHECK(c.count == sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip_category = ?", c.value));
    CHECK(testing::visible(model) == model.log().total_activities());
    model.log().set_filter(vpn);
    CHECK(testing::visible(model) == inside + vpn_outside);

    REQUIRE(model.remove_ip_range("Seattle VPN") == "");
    CHECK(snapshot(model.store()) == before);
    REQUIRE(model.store().columns());
    CHECK(count_matching(model.store(), vpn) == vpn_outside);
    CHECK(count_matching(model.store(), vpn) ==
          sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip_category = ?", "VPN"));
    CHECK(testing::visible(model) == vpn_outside);
}

TEST_CASE("undo steps back one change at a time, data included") {
    AppModel model;
    model.load_demo_data();
    const Snapshot start = snapshot(model.store());
    CHECK(model.undo_ip_ranges() == "nothing to undo");
    REQUIRE(model.set_ip_range(office_vpn()) == "");
    const Snapshot first = snapshot(model.store());
    IpRangeDefinition edited = office_vpn();
    edited.category = "Risky";
    edited.cidrs = {"192.0.2.0/24"};
    REQUIRE(model.set_ip_range(edited) == "");
    CHECK(model.ip_ranges().custom().size() == 1);
    for (const auto& [id, f] : snapshot(model.store()))
        CHECK(f.category == (in_v4(f.ip, "192.0.2.0", 24) ? "Risky" : start.at(id).category));
    REQUIRE(model.remove_ip_range("Seattle VPN") == "");
    CHECK(snapshot(model.store()) == start);

    REQUIRE(model.undo_ip_ranges() == ""); // the remove
    REQUIRE(model.ip_ranges().custom().size() == 1);
    CHECK(model.ip_ranges().custom()[0].category == "Risky");
    REQUIRE(model.undo_ip_ranges() == ""); // the edit
    CHECK(snapshot(model.store()) == first);
    REQUIRE(model.undo_ip_ranges() == ""); // the creation
    CHECK(model.ip_ranges().custom().empty());
    CHECK(snapshot(model.store()) == start);
    CHECK_FALSE(model.can_undo_ip_ranges());
    // A refused change is no undo step.
    CHECK(model.set_ip_range(range("Bad", "10.0.0.0/99", "VPN")) != "");
    CHECK_FALSE(model.can_undo_ip_ranges());
}

TEST_CASE("set_ip_as makes or edits a one-address range, as the drawer's Set as ... buttons do") {
    AppModel model;
    model.load_demo_data();
    const std::string ip = "192.0.2.130"; // London office, exported as Corporate
    const int64_t from_ip = sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip = ?", ip);
    REQUIRE(from_ip > 0);
    REQUIRE(sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip = ? AND ip_category = 'Corporate'", ip) == from_ip);
    const char* kFromIpAs = "SELECT count(*) FROM activities WHERE ip = '192.0.2.130' AND ip_category = ?";
    auto category_count = [&](const char* category) {
        return sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip_category = ?", category);
    };
    const int64_t vpn_before = category_count("VPN"), risky_before = category_count("Risky");
    REQUIRE(model.set_ip_as(ip, "VPN") == "");
    CHECK(sql_count(model.store(), kFromIpAs, "VPN") == from_ip);
    CHECK(category_count("VPN") == vpn_before + from_ip);
    REQUIRE(model.set_ip_as(" " + ip + " ", "Risky") == "");
    REQUIRE(model.ip_ranges().custom().size() == 1);
    CHECK(model.ip_ranges().custom()[0].name == ip);
    CHECK(model.ip_ranges().custom()[0].cidrs == std::vector<std::string>{ip});
    CHECK(sql_count(model.store(), kFromIpAs, "Risky") == from_ip);
    CHECK(category_count("Risky") == risky_before + from_ip);
    CHECK(category_count("VPN") == vpn_before);
    REQUIRE(model.undo_ip_ranges() == "");
    CHECK(sql_count(model.store(), kFromIpAs, "VPN") == from_ip);

    REQUIRE(model.set_ip_range(range("Office", "198.51.100.0/24", "Corporate")) == "");
    CHECK(model.set_ip_as("198.51.100.161", "Risky") == "198.51.100.161 is in the range \"Office\": edit that range instead");
    CHECK(model.set_ip_as("nope", "Risky") == "\"nope\" is not an IPv4 or IPv6 address");
    CHECK(model.set_ip_as("192.0.2.1", "Friendly").find("is not one of") != std::string::npos);
}

TEST_CASE("ranges are applied again to data loaded later, and IPv6 spellings meet in one address") {
    AppModel model;
    model.clear_activities();
    REQUIRE(model.set_ip_range(range("Lab", "2001:db8::/64", "Administrative", {"Lab"})) == "");
    KeptChunks kept;
    model.store().use_kept_sources(&kept);
    const std::string csv = "id,time,app,activity_type,user,ip\n"
                            "a1,2026-11-01T10:00:00Z,Box,Log on,ann@contoso.example,2001:0DB8:0000:0000:0000:0000:0000:0001\n"
                            "a2,2026-11-01T11:00:00Z,Box,Log on,ann@contoso.example,2001:db8::1\n"
                            "a3,2026-11-01T12:00:00Z,Box,Log on,ann@contoso.example,[2001:db8:1::1]:443\n";
    size_t at = 0;
    FileDriveOptions options;
    options.read = [&](std::span<uint8_t> out) {
        const size_t n = std::min(out.size(), csv.size() - at);
        std::copy_n(csv.data() + at, n, reinterpret_cast<char*>(out.data()));
        at += n;
        return n;
    };
    options.kept = &kept;
    REQUIRE(model.import_session().begin(1, static_cast<int64_t>(csv.size())) == ImportState::FileDone);
    drive_file(model.import_session(), "two_spellings.csv", std::move(options));
    REQUIRE(model.import_session().finish() == ImportState::Finished);
    REQUIRE(model.store().count() == 3);
    const std::vector<ValueCount> ips = count_values(model.store(), "ip", {}, 10);
    REQUIRE(ips.size() == 2);
    CHECK(ips[0].value == "2001:db8::1");
    CHECK(ips[0].count == 2);
    CHECK(ips[1].value == "2001:db8:1::1");
    CHECK(sql_count(model.store(), "SELECT count(*) FROM activities WHERE ip_category = ?", "Administrative") == 2);
}
