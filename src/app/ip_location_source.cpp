#include "app/ip_location_source.h"

namespace sightline {

std::string_view ip_location_state_name(IpLocationSource::State state) {
    switch (state) {
    case IpLocationSource::State::NotLoaded: return "not_loaded";
    case IpLocationSource::State::Loading: return "loading";
    case IpLocationSource::State::Ready: return "ready";
    case IpLocationSource::State::Failed: return "failed";
    case IpLocationSource::State::Off: return "off";
    }
    return "not_loaded";
}

} // namespace sightline
