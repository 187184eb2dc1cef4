#include "feeds/ical.h"

#include <libical/ical.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <vector>

namespace probity::feeds {

namespace {

// Observances of the zone's history that start before this year are left out of the feed's
// VTIMEZONE: the UK has changed its clocks every year since, so every appointment a feed can hold
// (90 days back at most) falls after an onset that is kept, and clients are spared some eighty
// historical rules they would never use.
constexpr int kFirstObservanceYear = 1990;

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

bool StartsFrom(icalcomponent* observance, int year) {
  if (icalcomponent_get_dtstart(observance).year >= year) return true;
  for (auto* p = icalcomponent_get_first_property(observance, ICAL_RRULE_PROPERTY); p;
       p = icalcomponent_get_next_property(observance, ICAL_RRULE_PROPERTY)) {
    const icalrecurrencetype rule = icalproperty_get_rrule(p);
    if (icaltime_is_null_time(rule.until) || rule.until.year >= year) return true;
  }
  for (auto* p = icalcomponent_get_first_property(observance, ICAL_RDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(observance, ICAL_RDATE_PROPERTY)) {
    if (icalproperty_get_rdate(p).time.year >= year) return true;
  }
  return false;
}

// The Europe/London zone as libical reads it from the system's zoneinfo, and its VTIMEZONE named
// plainly "Europe/London" (libical prefixes its own TZIDs) with the observances since
// kFirstObservanceYear. Loaded once; libical guards its zone data, so this is thread-safe.
struct London {
  icaltimezone* zone = nullptr;
  Component vtimezone;
};

const London& LondonZone() {
  static const London london = [] {
    London l;
    l.zone = icaltimezone_get_builtin_timezone(std::string(kTimeZone).c_str());
    icalcomponent* source = l.zone ? icaltimezone_get_component(l.zone) : nullptr;
    if (!source) throw std::runtime_error("libical has no Europe/London time zone");
    l.vtimezone.reset(icalcomponent_new_clone(source));
    icalcomponent* vtz = l.vtimezone.get();
    if (auto* tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY))
      icalproperty_set_tzid(tzid, std::string(kTimeZone).c_str());
    std::vector<icalcomponent*> old;
    for (auto* c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
      if (!StartsFrom(c, kFirstObservanceYear)) old.push_back(c);
    for (auto* c : old) {
      icalcomponent_remove_component(vtz, c);
      icalcomponent_free(c);
    }
    return l;
  }();
  return london;
}

time_t Seconds(UtcTime t) {
  return static_cast<time_t>(
      std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
}

icaltimetype Utc(UtcTime t) {
  return icaltime_from_timet_with_zone(Seconds(t), 0, icaltimezone_get_utc_timezone());
}

// The property with the UK wall-clock time of `t` and TZID=Europe/London.
icalproperty* LocalTime(icalproperty* (*make)(icaltimetype), UtcTime t) {
  icaltimetype local = Utc(t);
  icaltimezone_convert_time(&local, icaltimezone_get_utc_timezone(), LondonZone().zone);
  local.zone = nullptr;  // written as floating digits; the TZID parameter says whose
  icalproperty* p = make(local);
  icalproperty_add_parameter(p, icalparameter_new_tzid(std::string(kTimeZone).c_str()));
  return p;
}

icalproperty* Extension(const char* name, const std::string& value) {
  icalproperty* p = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(p, name);
  return p;
}

icalcomponent* Event(const FeedItem& item) {
  const auto& a = item.appointment;
  icalcomponent* e = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  const std::string uid = "appointment-" + std::to_string(a.id) + "@probity";
  icalcomponent_add_property(e, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(e, icalproperty_new_dtstamp(Utc(item.changed_at)));
  icalcomponent_add_property(e, icalproperty_new_lastmodified(Utc(item.changed_at)));
  icalcomponent_add_property(e, icalproperty_new_sequence(a.version));
  icalcomponent_add_property(e, LocalTime(icalproperty_new_dtstart, a.starts_at));
  icalcomponent_add_property(e, LocalTime(icalproperty_new_dtend, a.ends_at()));
  icalcomponent_add_property(
      e, icalproperty_new_status(StatusOf(a) == "CONFIRMED" ? ICAL_STATUS_CONFIRMED
                                                            : ICAL_STATUS_CANCELLED));
  icalcomponent_add_property(e, icalproperty_new_summary(SummaryOf(item).c_str()));
  icalcomponent_add_property(e, icalproperty_new_location(LocationOf(a.place).c_str()));
  icalcomponent_add_property(e, icalproperty_new_class(ICAL_CLASS_PRIVATE));
  icalcomponent_add_property(
      e, icalproperty_new_transp(StatusOf(a) == "CONFIRMED" ? ICAL_TRANSP_OPAQUE
                                                            : ICAL_TRANSP_TRANSPARENT));
  return e;
}

// The first UTF-8 character of `name` after any spaces, upper-cased when it is ASCII.
std::string FirstLetter(std::string_view name) {
  const auto start = name.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  const auto lead = static_cast<unsigned char>(name[start]);
  size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  std::string letter(name.substr(start, length));
  if (lead >= 'a' && lead <= 'z') letter[0] = static_cast<char>(lead - 'a' + 'A');
  return letter;
}

}  // namespace

std::string Initials(std::string_view first_name, std::string_view last_name) {
  std::string out;
  for (auto name : {first_name, last_name})
    if (auto letter = FirstLetter(name); !letter.empty()) out += letter + ".";
  return out;
}

std::string SummaryOf(const FeedItem& item) {
  std::string who = item.crn;
  if (auto initials = Initials(item.first_name, item.last_name); !initials.empty())
    who += " " + initials;
  return who + ": " + item.appointment.type_label;
}

std::string LocationOf(const appointments::Place& place) {
  if (!place.office_id && place.office_name.empty()) return std::string(kAwayFromOffice);
  if (place.room_name.empty()) return place.office_name;
  return place.office_name + ", " + place.room_name;
}

std::string_view StatusOf(const appointments::Appointment& appointment) {
  return appointment.status == "booked" ? "CONFIRMED" : "CANCELLED";
}

std::string RenderFeed(const std::vector<FeedItem>& items) {
  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent* cal = calendar.get();
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_prodid(std::string(kProdId).c_str()));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalcomponent_add_property(cal, Extension("X-WR-CALNAME", std::string(kCalendarName)));
  icalcomponent_add_property(cal, Extension("X-WR-TIMEZONE", std::string(kTimeZone)));
  // How often a client should fetch it again (the response may be cached for 5 minutes).
  icalcomponent_add_property(cal, Extension("X-PUBLISHED-TTL", "PT1H"));
  icalcomponent_add_component(cal, icalcomponent_new_clone(LondonZone().vtimezone.get()));
  for (const auto& item : items) icalcomponent_add_component(cal, Event(item));
  char* text = icalcomponent_as_ical_string_r(cal);
  std::string out(text ? text : "");
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace probity::feeds
