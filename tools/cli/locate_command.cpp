#include "locate_command.h"

#include "ip_location_option.h"

#include "enrich/ip_location_fill.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

namespace sightline::cli {

namespace {

std::string fill_json(const std::string& ip, const IpFill& fill) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("ip");
    w.String(ip.c_str(), static_cast<rapidjson::SizeType>(ip.size()));
    w.Key("country");
    w.String(fill.country.c_str(), static_cast<rapidjson::SizeType>(fill.country.size()));
    w.Key("asn");
    w.Uint(fill.asn);
    w.Key("isp");
    w.String(fill.isp.c_str(), static_cast<rapidjson::SizeType>(fill.isp.size()));
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

int run_locate_command(std::vector<std::string> args) {
    const auto table = load_ip_location(take_ip_location_path(args));
    if (!table) return 1;
    if (args.empty())
        for (std::string line; std::getline(std::cin, line);) args.push_back(line);
    for (const std::string& ip : args) std::cout << fill_json(ip, fill_ip_location(*table, ip)) << '\n';
    return 0;
}

} // namespace sightline::cli
