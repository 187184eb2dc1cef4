#include "web/pages/room_pages.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "access/policy.h"
#include "app/rooms.h"
#include "appointments/store.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "rooms/hours.h"
#include "rooms/rules.h"
#include "web/case_gate.h"
#include "web/pages/form.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kDays = {{
    {"mon", "Monday"},
    {"tue", "Tuesday"},
    {"wed", "Wednesday"},
    {"thu", "Thursday"},
    {"fri", "Friday"},
    {"sat", "Saturday"},
    {"sun", "Sunday"},
}};

std::string OfficeUrl(const std::string& code) { return "/offices/" + code; }
std::string DiaryUrl(const std::string& code, Date day) {
  return OfficeUrl(code) + "/diary?date=" + FormatDate(day);
}
std::string RoomsUrl(const std::string& code) { return OfficeUrl(code) + "/rooms"; }

bool IsAdministrator(const Principal& who) {
  return access::Decide(who, access::Action::kManageOrganisation).allowed;
}

Error NoSuchOffice(const std::string& code) {
  return Error{ErrorKind::kNotFound, "unknown_office", "there is no office with code " + code,
               "code"};
}

// The office a page is about: its code and name, found by code (one indexed read).
struct OfficeRef {
  std::string code;
  std::string name;
};
std::optional<OfficeRef> FindOffice(const Site& site, const std::string& code) {
  auto tx = site.auth.db().BeginRead();
  const auto place = appointments::FindOffice(tx, code);
  if (!place) return std::nullopt;
  return OfficeRef{place->office_code, place->office_name};
}

// "Tuesday 24 November 2026"
std::string DayLabel(Date day) {
  const unsigned iso = std::chrono::weekday(day).iso_encoding();  // Monday 1 ... Sunday 7
  return std::string(kDays[iso - 1].second) + " " + LongDate(FormatDate(day));
}

// The GOV.UK tag colour of a privacy level: the more others may overhear, the warmer.
std::string PrivacyClass(std::string_view privacy) {
  if (privacy == "private") return "govuk-tag--green";
  if (privacy == "shared") return "govuk-tag--blue";
  if (privacy == "open_plan") return "govuk-tag--orange";
  return "govuk-tag--red";
}

json RoomView(const rooms::Room& r) {
  json features = json::array();
  for (const auto& code : r.accessibility)
    features.push_back(std::string(cases::LabelOf(rooms::AccessibilityFeatures(), code)));
  return {{"id", r.id},
          {"name", r.name},
          {"privacy_label", std::string(cases::LabelOf(rooms::Privacies(), r.privacy))},
          {"privacy_class", PrivacyClass(r.privacy)},
          {"capacity", r.capacity},
          {"accessibility", std::move(features)},
          {"has_accessibility", !r.accessibility.empty()},
          {"hours", rooms::DescribeOpeningHours(r.hours)},
          {"active", r.active},
          {"out_of_use", !r.active},
          {"version", r.version}};
}

// ---- /offices ----

Result<Response> OfficesPage(const Site& site, const Request&, const Principal& who) {
  std::vector<org::Office> offices;
  {
    auto tx = site.auth.db().BeginRead();
    offices = org::LoadOrganisation(tx).offices;
  }
  std::sort(offices.begin(), offices.end(),
            [](const org::Office& a, const org::Office& b) { return a.name < b.name; });
  const bool admin = IsAdministrator(who);
  json rows = json::array();
  for (const auto& o : offices)
    rows.push_back({{"code", o.code},
                    {"name", o.name},
                    {"address", o.address},
                    {"diary_url", OfficeUrl(o.code) + "/diary"},
                    {"finder_url", RoomFinderUrl(o.code)},
                    {"rooms_url", admin ? json(RoomsUrl(o.code)) : json(nullptr)}});
  json data = {{"has_offices", !rows.empty()}, {"offices", std::move(rows)}};
  return Page(site, &who, 200, "Offices and rooms", "offices", std::move(data));
}

// ---- The diary ----

json EntryView(const rooms::DiaryEntry& e) {
  json out = {{"time", LongTime(e.span.start) + " to " + LongTime(e.span.end)},
              {"starts_iso", FormatUtc(e.span.start)},
              {"open_space", e.open_space},
              {"visible", e.visible}};
  if (e.visible) {
    out["type"] = e.type_label;
    out["crn"] = e.crn;
    out["name"] = e.person_name;
    out["person_url"] = "/people/" + e.crn;
    out["with"] = e.staff_name;
  }
  return out;
}

Result<Response> DiaryPage(const Site& site, const Request& request, const Principal& who) {
  const std::string code(request.Param("code"));
  json data = {{"errors", json::array()}};
  Date day = UkDateOf(site.auth.clock().Now());
  int status = 200;
  std::string typed;
  if (const auto q = request.Query("date"); q && !Trimmed(*q).empty()) {
    typed = std::string(Trimmed(*q));
    if (const auto d = ParseDate(typed)) {
      day = *d;
    } else {
      AddError(data, "date", "Enter a real date as YYYY-MM-DD, such as 2026-11-24");
      status = 400;
    }
  }
  auto diary = app::RoomDiary(site.auth.db(), code, who.staff_id, day);
  if (!diary) return diary.error();

  // A row per room (RoomDiary includes rooms out of use that hold a booking that day); bookings
  // in no room get a row of their own, so that nothing booked is hidden.
  json rows = json::array();
  std::map<int64_t, size_t> row_of;
  for (const auto& r : diary->rooms) {
    row_of[r.id] = rows.size();
    rows.push_back({{"room", RoomView(r)}, {"bookings", json::array()}});
  }
  std::optional<size_t> no_room;
  for (const auto& e : diary->entries) {
    size_t row = 0;
    if (e.room_id && row_of.count(*e.room_id)) {
      row = row_of.at(*e.room_id);
    } else {
      if (!no_room) {
        no_room = rows.size();
        rows.push_back({{"room", {{"name", "No particular room"}}}, {"bookings", json::array()}});
      }
      row = *no_room;
    }
    rows[row]["bookings"].push_back(EntryView(e));
  }
  for (auto& row : rows) row["has_bookings"] = !row["bookings"].empty();

  const std::string label = DayLabel(day);
  data["office_name"] = diary->office_name;
  data["office_code"] = diary->office_code;
  data["day_label"] = label;
  data["date"] = typed.empty() || status == 200 ? FormatDate(day) : typed;
  data["diary_path"] = OfficeUrl(code) + "/diary";
  data["previous_url"] = DiaryUrl(code, day - std::chrono::days{1});
  data["previous_label"] = DayLabel(day - std::chrono::days{1});
  data["next_url"] = DiaryUrl(code, day + std::chrono::days{1});
  data["next_label"] = DayLabel(day + std::chrono::days{1});
  data["finder_url"] = RoomFinderUrl(code) + "?date=" + FormatDate(day);
  data["has_rooms"] = !diary->rooms.empty();
  data["booking_count"] = diary->entries.size();
  data["rows"] = std::move(rows);
  return Page(site, &who, status, diary->office_name + ": room diary, " + label, "office_diary",
              std::move(data));
}

// ---- The room finder ----

Result<Response> FinderPage(const Site& site, const Request& request, const Principal& who) {
  const std::string code(request.Param("code"));
  const auto office = FindOffice(site, code);
  if (!office) return NoSuchOffice(code);
  const auto query = [&](const char* name) {
    const auto q = request.Query(name);
    return q ? std::string(Trimmed(*q)) : std::string();
  };
  const std::string date = query("date"), time = query("time");
  std::string duration = query("duration");
  json data = {{"errors", json::array()},
               {"office_name", office->name},
               {"action", RoomFinderUrl(code)},
               {"date", date},
               {"time", time}};
  const bool asked = !time.empty() || request.Query("time").has_value();
  int status = 200;
  if (asked) {
    std::optional<UtcTime> starts;
    if (date.empty())
      AddError(data, "date", "Enter the date");
    else if (!ParseDate(date))
      AddError(data, "date", "Enter a real date as YYYY-MM-DD, such as 2026-11-24");
    if (time.empty()) AddError(data, "time", "Enter the time");
    if (!HasErrors(data)) {
      auto at = ParseUkLocalTime(date + "T" + time, "time");
      if (at)
        starts = *at;
      else
        AddError(data, "time",
                 at.error().code == "invalid_time"
                     ? "Enter the time as HH:MM in UK time, such as 14:30"
                     : AsSentence(at.error().message));
    }
    if (duration.empty()) duration = "60";
    const auto minutes = PositiveWholeNumber(duration);
    if (!minutes || *minutes < 5 || *minutes > 480)
      AddError(data, "duration", "Enter a length from 5 to 480 minutes");
    if (!HasErrors(data)) {
      auto free = app::FreeRoomsAt(site.auth.db(), code, *starts, static_cast<int>(*minutes),
                                   site.auth.clock().Now());
      if (!free) {
        if (free.error().kind != ErrorKind::kInvalid) return free.error();
        AddError(data, "duration", AsSentence(free.error().message));
      } else {
        json found = json::array(), times = json::array();
        for (const auto& r : free->rooms) found.push_back(RoomView(r));
        for (const auto t : free->times) {
          const std::string hhmm = FormatUkLocal(t).substr(11, 5);
          times.push_back({{"label", LongTime(t)},
                           {"url", RoomFinderUrl(code) + "?date=" + date + "&time=" + hhmm +
                                       "&duration=" + std::to_string(*minutes)}});
        }
        data["results"] = {{"when", LongDateTime(*starts)},
                           {"duration", *minutes},
                           {"has_rooms", !found.empty()},
                           {"rooms", std::move(found)},
                           {"has_times", !times.empty()},
                           {"times", std::move(times)},
                           {"diary_url", DiaryUrl(code, UkDateOf(*starts))}};
      }
    }
    if (HasErrors(data)) status = 400;
  }
  data["duration"] = duration.empty() ? "60" : duration;
  data["diary_url"] = OfficeUrl(code) + "/diary" + (date.empty() ? "" : "?date=" + date);
  return Page(site, &who, status, office->name + ": find a free room", "room_finder",
              std::move(data));
}

// ---- Adding and changing rooms (administrators) ----

// What the room form's fields held.
struct RoomValues {
  std::string name, privacy, capacity, opens, closes, version;
  std::vector<std::string> accessibility, days;
  bool active = true;
};

RoomValues ValuesOfRoom(const rooms::Room& r) {
  RoomValues v{r.name,
               r.privacy,
               std::to_string(r.capacity),
               rooms::FormatTimeOfDay(r.hours.opens),
               rooms::FormatTimeOfDay(r.hours.closes),
               std::to_string(r.version),
               r.accessibility,
               {},
               r.active};
  for (size_t i = 0; i < kDays.size(); ++i)
    if (r.hours.days & (1u << i)) v.days.emplace_back(kDays[i].first);
  return v;
}

std::vector<std::string> AllValues(const FormFields& form, const std::string& name) {
  std::vector<std::string> out;
  const auto [first, last] = form.equal_range(name);
  for (auto it = first; it != last; ++it)
    if (!it->second.empty()) out.push_back(it->second);
  return out;
}

RoomValues ValuesOfForm(const FormFields& form) {
  return {FormValue(form, "name"),           FormValue(form, "privacy"),
          FormValue(form, "capacity"),       FormValue(form, "opens"),
          FormValue(form, "closes"),         FormValue(form, "version"),
          AllValues(form, "accessibility"),  AllValues(form, "days"),
          FormValue(form, "active") == "yes"};
}

bool Has(const std::vector<std::string>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

// The room form's data: the values as typed and the choices, the first of each group carrying
// the field's own id for the error summary's link.
json FormData(const RoomValues& v, bool changing) {
  json privacies = json::array(), features = json::array(), days = json::array();
  for (const auto& t : rooms::Privacies())
    privacies.push_back({{"code", std::string(t.code)},
                         {"label", std::string(t.label)},
                         {"chosen", v.privacy == t.code},
                         {"first", privacies.empty()}});
  for (const auto& t : rooms::AccessibilityFeatures())
    features.push_back({{"code", std::string(t.code)},
                        {"label", std::string(t.label)},
                        {"chosen", Has(v.accessibility, t.code)},
                        {"first", features.empty()}});
  for (const auto& [code, label] : kDays)
    days.push_back({{"code", std::string(code)},
                    {"label", std::string(label)},
                    {"chosen", Has(v.days, code)},
                    {"first", days.empty()}});
  return {{"name", v.name},
          {"capacity", v.capacity},
          {"opens", v.opens},
          {"closes", v.closes},
          {"version", v.version},
          {"privacies", std::move(privacies)},
          {"features", std::move(features)},
          {"days", std::move(days)},
          {"active", v.active},
          {"changing", changing}};
}

// The room the form describes, or nullopt with the errors beside their fields.
std::optional<rooms::Room> RoomOf(json& data, const RoomValues& v) {
  rooms::Room room;
  room.name = std::string(Trimmed(v.name));
  if (room.name.empty()) AddError(data, "name", "Enter the room's name");
  room.privacy = v.privacy;
  if (room.privacy.empty()) AddError(data, "privacy", "Select how private the room is");
  const auto capacity = PositiveWholeNumber(v.capacity);
  if (!capacity || *capacity > 200)
    AddError(data, "capacity", "Enter how many people the room seats, from 1 to 200");
  else
    room.capacity = static_cast<int>(*capacity);
  room.accessibility = v.accessibility;
  const auto opens = rooms::ParseTimeOfDay(Trimmed(v.opens));
  if (!opens) AddError(data, "opens", "Enter the time the room opens as HH:MM, such as 09:00");
  const auto closes = rooms::ParseTimeOfDay(Trimmed(v.closes));
  if (!closes) AddError(data, "closes", "Enter the time the room closes as HH:MM, such as 17:00");
  std::string joined;
  for (const auto& d : v.days) joined += (joined.empty() ? "" : ",") + d;
  const auto days = rooms::ParseDays(joined);
  if (!days) AddError(data, "days", "Select the days the room is open");
  if (HasErrors(data)) return std::nullopt;
  room.hours = {*opens, *closes, *days};
  room.active = v.active;
  return room;
}

// A use case's refusal beside the form's field.
void AddRoomRefusal(json& data, const Error& e) {
  std::string field = e.field == "open_days" ? "days" : e.field;
  static constexpr std::array<std::string_view, 7> kFields = {
      "name", "privacy", "capacity", "accessibility", "opens", "closes", "days"};
  if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) field = "name";
  AddError(data, field, AsSentence(e.message));
}

Status MayManageRooms(const Principal& who) {
  return access::Require(access::Decide(who, access::Action::kManageOrganisation));
}

Response RoomsList(const Site& site, const Principal& who, const OfficeRef& office,
                   const RoomValues& v, json data, int status) {
  json rows = json::array();
  if (auto all = app::ListRooms(site.auth.db(), office.code, /*with_inactive=*/true))
    for (const auto& r : *all) {
      json row = RoomView(r);
      row["change_url"] = RoomsUrl(office.code) + "/" + std::to_string(r.id);
      rows.push_back(std::move(row));
    }
  if (!data.contains("errors")) data["errors"] = json::array();
  data["office_name"] = office.name;
  data["has_rooms"] = !rows.empty();
  data["rooms"] = std::move(rows);
  data["action"] = RoomsUrl(office.code);
  data["diary_url"] = OfficeUrl(office.code) + "/diary";
  data["room_form"] = FormData(v, /*changing=*/false);
  return Page(site, &who, status, office.name + ": rooms", "office_rooms", std::move(data));
}

RoomValues NewRoomValues() {
  RoomValues v;
  v.opens = "09:00";
  v.closes = "17:00";
  v.days = {"mon", "tue", "wed", "thu", "fri"};
  return v;
}

Result<Response> RoomsPage(const Site& site, const Request& request, const Principal& who) {
  if (auto ok = MayManageRooms(who); !ok) return ok.error();
  const std::string code(request.Param("code"));
  const auto office = FindOffice(site, code);
  if (!office) return NoSuchOffice(code);
  json data = json::object();
  const auto done = request.Query("done");
  if (done == "added") data["banner"] = "The room has been added.";
  if (done == "changed") data["banner"] = "The room has been changed.";
  return RoomsList(site, who, *office, NewRoomValues(), std::move(data), 200);
}

Result<Response> PostAddRoom(const Site& site, const Request& request, const Principal& who) {
  if (auto ok = MayManageRooms(who); !ok) return ok.error();
  const std::string code(request.Param("code"));
  const auto office = FindOffice(site, code);
  if (!office) return NoSuchOffice(code);
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const RoomValues v = ValuesOfForm(*form);
  json data = {{"errors", json::array()}};
  int status = 400;
  if (const auto room = RoomOf(data, v)) {
    auto made = app::CreateRoom(site.auth.db(), ActorOf(who), code, *room, site.auth.clock().Now());
    if (made) return SeeOther(RoomsUrl(code) + "?done=added");
    const Error& e = made.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.kind == ErrorKind::kConflict) status = 409;
    AddRoomRefusal(data, e);
  }
  return RoomsList(site, who, *office, v, std::move(data), status);
}

struct RoomSubject {
  OfficeRef office;
  rooms::Room room;
};

Result<RoomSubject> RoomSubjectOf(const Site& site, const Request& request) {
  const std::string code(request.Param("code"));
  auto office = FindOffice(site, code);
  if (!office) return NoSuchOffice(code);
  const auto id = request.IdParam("id");
  auto all = app::ListRooms(site.auth.db(), code, /*with_inactive=*/true);
  if (!all) return all.error();
  for (auto& r : *all)
    if (id && r.id == *id) return RoomSubject{std::move(*office), std::move(r)};
  return Error::NotFound("unknown_room", "there is no such room");
}

Response ChangeRoomForm(const Site& site, const Principal& who, const RoomSubject& s,
                        const RoomValues& v, json data, int status) {
  data["office_name"] = s.office.name;
  data["room_name"] = s.room.name;
  data["action"] = RoomsUrl(s.office.code) + "/" + std::to_string(s.room.id);
  data["back_url"] = RoomsUrl(s.office.code);
  data["room_form"] = FormData(v, /*changing=*/true);
  return Page(site, &who, status, "Change " + s.room.name, "office_room", std::move(data));
}

Result<Response> RoomPage(const Site& site, const Request& request, const Principal& who) {
  if (auto ok = MayManageRooms(who); !ok) return ok.error();
  auto s = RoomSubjectOf(site, request);
  if (!s) return s.error();
  return ChangeRoomForm(site, who, *s, ValuesOfRoom(s->room), {{"errors", json::array()}}, 200);
}

Result<Response> PostChangeRoom(const Site& site, const Request& request, const Principal& who) {
  if (auto ok = MayManageRooms(who); !ok) return ok.error();
  auto s = RoomSubjectOf(site, request);
  if (!s) return s.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  RoomValues v = ValuesOfForm(*form);
  json data = {{"errors", json::array()}};
  int status = 400;
  if (const auto room = RoomOf(data, v)) {
    app::RoomChange change;
    change.name = room->name;
    change.privacy = room->privacy;
    change.capacity = room->capacity;
    change.accessibility = room->accessibility;
    change.opens = room->hours.opens;
    change.closes = room->hours.closes;
    change.days = room->hours.days;
    change.active = room->active;
    const auto version = PositiveWholeNumber(v.version);
    auto changed = app::ChangeRoom(site.auth.db(), ActorOf(who), s->office.code, s->room.id, change,
                                   version && *version < 1'000'000'000 ? *version : 0,
                                   site.auth.clock().Now());
    if (changed) return SeeOther(RoomsUrl(s->office.code) + "?done=changed");
    const Error& e = changed.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.kind == ErrorKind::kConflict) status = 409;
    if (e.code == "stale_version") {
      // The form again at the room's version now, so that sending it again is a deliberate
      // choice.
      AddError(data, "name", AsSentence(e.message));
      v.version = std::to_string(s->room.version);
    } else {
      AddRoomRefusal(data, e);
    }
  }
  return ChangeRoomForm(site, who, *s, v, std::move(data), status);
}

}  // namespace

std::string RoomFinderUrl(const std::string& office_code) {
  return OfficeUrl(office_code) + "/room-finder";
}

void AddRoomPages(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", "/offices", OfficesPage,
       "The offices, each linking to its room diary and room finder"},
      {"GET", "/offices/{code}/diary", DiaryPage, "An office's room diary for a day"},
      {"GET", "/offices/{code}/room-finder", FinderPage,
       "The room finder: rooms free at an office for a time, and the free times that day"},
      {"GET", "/offices/{code}/rooms", RoomsPage,
       "An office's rooms, with the form to add one (administrators)"},
      {"POST", "/offices/{code}/rooms", PostAddRoom, "Add a room to an office (administrators)"},
      {"GET", "/offices/{code}/rooms/{id}", RoomPage, "The form to change a room (administrators)"},
      {"POST", "/offices/{code}/rooms/{id}", PostChangeRoom, "Change a room (administrators)"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
