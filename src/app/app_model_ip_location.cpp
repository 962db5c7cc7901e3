// AppModel's offline IP location: the table the page fetched or the CLI read, and whether the
// data needs it yet (so the page fetches the 16 MB asset only for logs that lack locations).
#include "app/app_model.h"

#include "query/activity_query.h"

namespace sightline {
namespace {

FilterNode condition(std::string field, FilterOp op) {
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition.field = std::move(field);
    node.condition.op = op;
    return node;
}

// Activities with an IP address but no country or no ISP: those the table would fill.
ActivityFilter lacking_location() {
    FilterNode either;
    either.kind = FilterNode::Kind::Any;
    either.children = {condition("country", FilterOp::IsNotSet), condition("isp", FilterOp::IsNotSet)};
    ActivityFilter filter;
    filter.root.children = {condition("ip", FilterOp::IsSet), std::move(either)};
    return filter;
}

} // namespace

void AppModel::set_ip_location_table(std::shared_ptr<const IpLocationTable> table) {
    ip_location_.table = std::move(table);
    ip_location_.state = ip_location_.table ? IpLocationSource::State::Ready : IpLocationSource::State::NotLoaded;
    ip_location_.note.clear();
}

void AppModel::set_ip_location_unavailable(IpLocationSource::State state, std::string why) {
    ip_location_.table.reset();
    ip_location_.state = state;
    ip_location_.note = std::move(why);
}

bool AppModel::ip_location_wanted() const {
    if (ip_location_.state != IpLocationSource::State::NotLoaded || demo_loaded_ || importing()) return false;
    return count_matching(store_, lacking_location()) > 0;
}

} // namespace sightline
