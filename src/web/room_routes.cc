#include "web/room_routes.h"

#include <array>
#include <charconv>
#include <optional>
#include <string>

#include "access/policy.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "rooms/hours.h"
#include "rooms/rules.h"
#include "web/case_gate.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

constexpr std::array kNewRoomFields = {"name",  "privacy", "capacity", "accessibility",
                                       "opens", "closes",  "open_days"};
constexpr std::array kRoomChangeFields = {"name",          "privacy", "capacity",
                                          "accessibility", "opens",   "closes",
                                          "open_days",     "active",  "version"};
constexpr std::array kMarginFields = {"minutes", "reason"};

std::string OfficeOf(const Request& request) { return std::string(request.Param("code")); }

Status MayManageRooms(const Principal& who) {
  return access::Require(access::Decide(who, Action::kManageOrganisation));
}

// "HH:MM" in `field`, or kInvalid "invalid_time" naming it.
Result<int> TimeOfDayField(const std::string& text, const char* field) {
  if (auto minutes = rooms::ParseTimeOfDay(text)) return *minutes;
  return Error::Invalid("invalid_time", std::string(field) + " is a time of day, HH:MM", field);
}

// The opening hours the body gives, each absent when not given.
struct HoursGiven {
  std::optional<int> opens, closes;
  std::optional<unsigned> days;
};
Result<HoursGiven> HoursOf(const json& body) {
  HoursGiven out;
  for (const char* field : {"opens", "closes"}) {
    auto text = OptionalString(body, field);
    if (!text) return text.error();
    if (!*text) continue;
    auto minutes = TimeOfDayField(**text, field);
    if (!minutes) return minutes.error();
    (std::string_view(field) == "opens" ? out.opens : out.closes) = *minutes;
  }
  auto days = OptionalString(body, "open_days");
  if (!days) return days.error();
  if (*days) {
    const auto bits = rooms::ParseDays(**days);
    if (!bits)
      return Error::Invalid("invalid_choice",
                            "open_days is days from mon to sun, each once, such as mon,tue,wed",
                            "open_days");
    out.days = *bits;
  }
  return out;
}

Result<rooms::Room> ParseNewRoom(const json& body) {
  rooms::Room room;
  auto name = RequiredString(body, "name");
  if (!name) return name.error();
  auto privacy = RequiredString(body, "privacy");
  if (!privacy) return privacy.error();
  auto capacity = RequiredInt32(body, "capacity");
  if (!capacity) return capacity.error();
  auto accessibility = StringList(body, "accessibility");
  if (!accessibility) return accessibility.error();
  auto hours = HoursOf(body);
  if (!hours) return hours.error();
  room.name = *name;
  room.privacy = *privacy;
  room.capacity = *capacity;
  room.accessibility = *accessibility;
  room.hours.opens = hours->opens.value_or(room.hours.opens);
  room.hours.closes = hours->closes.value_or(room.hours.closes);
  room.hours.days = hours->days.value_or(room.hours.days);
  return room;
}

// The change a PATCH body asks for; hours given in part keep the rest (app::ChangeRoom).
Result<app::RoomChange> ParseRoomChange(const json& body) {
  app::RoomChange change;
  auto name = OptionalString(body, "name");
  if (!name) return name.error();
  auto privacy = OptionalString(body, "privacy");
  if (!privacy) return privacy.error();
  auto capacity = OptionalInt32(body, "capacity");
  if (!capacity) return capacity.error();
  auto active = OptionalBool(body, "active");
  if (!active) return active.error();
  auto hours = HoursOf(body);
  if (!hours) return hours.error();
  if (body.contains("accessibility") && !body["accessibility"].is_null()) {
    auto accessibility = StringList(body, "accessibility");
    if (!accessibility) return accessibility.error();
    change.accessibility = *accessibility;
  }
  change.name = *name;
  change.privacy = *privacy;
  change.capacity = *capacity;
  change.active = *active;
  change.opens = hours->opens;
  change.closes = hours->closes;
  change.days = hours->days;
  return change;
}

// A query's whole number ("60"), or kInvalid naming it.
Result<int> QueryInt(const Request& request, const char* name) {
  const auto text = request.Query(name);
  if (!text || text->empty())
    return Error::Invalid("missing_field", std::string(name) + " is required", name);
  int value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size())
    return Error::Invalid("invalid_field", std::string(name) + " must be a whole number", name);
  return value;
}

json TimesJson(const std::vector<UtcTime>& times) {
  json out = json::array();
  for (const auto t : times)
    out.push_back({{"starts_at", FormatUtc(t)}, {"starts_at_uk", FormatUkLocal(t)}});
  return out;
}

json MarginJson(const rooms::MarginChange& m) {
  return {{"id", m.id},
          {"minutes", m.minutes},
          {"reason", m.reason},
          {"changed_by", m.changed_by},
          {"changed_at", FormatUtc(m.changed_at)}};
}
}  // namespace

json RoomJson(const rooms::Room& r) {
  return {{"id", r.id},
          {"office", r.office_code},
          {"name", r.name},
          {"privacy", r.privacy},
          {"privacy_label", std::string(cases::LabelOf(rooms::Privacies(), r.privacy))},
          {"capacity", r.capacity},
          {"accessibility", r.accessibility},
          {"opens", rooms::FormatTimeOfDay(r.hours.opens)},
          {"closes", rooms::FormatTimeOfDay(r.hours.closes)},
          {"open_days", rooms::FormatDays(r.hours.days)},
          {"active", r.active},
          {"version", r.version}};
}

json DiaryEntryJson(const rooms::DiaryEntry& e) {
  json out = {{"room_id", e.room_id ? json(*e.room_id) : json(nullptr)},
              {"starts_at", FormatUtc(e.span.start)},
              {"ends_at", FormatUtc(e.span.end)},
              {"starts_at_uk", FormatUkLocal(e.span.start)},
              {"ends_at_uk", FormatUkLocal(e.span.end)},
              {"open_space", e.open_space},
              {"restricted", !e.visible}};
  if (!e.visible) return out;
  out["appointment_id"] = e.appointment_id;
  out["crn"] = e.crn;
  out["name"] = e.person_name;
  out["type"] = e.type_label;
  out["with"] = e.staff_name;
  return out;
}

void AddRoomRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/offices/{code}/rooms",
             auth.Guard([&auth](const Request& request, const Principal&) -> Result<Response> {
               const bool all =
                   request.Query("include_inactive") == std::optional<std::string_view>("true");
               auto rooms = app::ListRooms(auth.db(), OfficeOf(request), all);
               if (!rooms) return rooms.error();
               json items = json::array();
               for (const auto& r : *rooms) items.push_back(RoomJson(r));
               return Response::Json(200, {{"items", std::move(items)}});
             }),
             {"An office's rooms, with how private each is, what it offers and when it is open"});

  router.Add("POST", "/api/v1/offices/{code}/rooms",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = MayManageRooms(who); !ok) return ok.error();
               auto body = ParseJsonBody(request, kNewRoomFields);
               if (!body) return body.error();
               auto in = ParseNewRoom(*body);
               if (!in) return in.error();
               auto room = app::CreateRoom(auth.db(), ActorOf(who), OfficeOf(request), *in,
                                           auth.clock().Now());
               if (!room) return room.error();
               return Response::Json(201, RoomJson(*room));
             }),
             {"Add a room to an office (administrators)"});

  router.Add("PATCH", "/api/v1/offices/{code}/rooms/{id}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = MayManageRooms(who); !ok) return ok.error();
               const auto id = request.IdParam("id");
               if (!id)
                 return Error{ErrorKind::kNotFound, "unknown_room",
                              "there is no room " + std::string(request.Param("id")), "id"};
               auto body = ParseJsonBody(request, kRoomChangeFields);
               if (!body) return body.error();
               auto version = RequiredVersion(*body);
               if (!version) return version.error();
               auto change = ParseRoomChange(*body);
               if (!change) return change.error();
               auto room = app::ChangeRoom(auth.db(), ActorOf(who), OfficeOf(request), *id, *change,
                                           *version, auth.clock().Now());
               if (!room) return room.error();
               return Response::Json(200, RoomJson(*room));
             }),
             {"Change a room, given the version you read (administrators)"});

  router.Add(
      "GET", "/api/v1/offices/{code}/free-rooms",
      auth.Guard([&auth](const Request& request, const Principal&) -> Result<Response> {
        const auto text = request.Query("starts_at");
        if (!text || text->empty())
          return Error::Invalid("missing_field", "starts_at is required", "starts_at");
        auto starts = ParseUkLocalTime(*text, "starts_at");
        if (!starts) return starts.error();
        auto duration = QueryInt(request, "duration_minutes");
        if (!duration) return duration.error();
        auto free =
            app::FreeRoomsAt(auth.db(), OfficeOf(request), *starts, *duration, auth.clock().Now());
        if (!free) return free.error();
        json items = json::array();
        for (const auto& r : free->rooms) items.push_back(RoomJson(r));
        return Response::Json(200, {{"office", OfficeOf(request)},
                                    {"starts_at", FormatUtc(*starts)},
                                    {"starts_at_uk", FormatUkLocal(*starts)},
                                    {"duration_minutes", *duration},
                                    {"rooms", std::move(items)},
                                    {"times", TimesJson(free->times)}});
      }),
      {"The rooms free at an office for a time, most private first, and the free times that day"});

  router.Add(
      "GET", "/api/v1/offices/{code}/diary",
      auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
        Date day = UkDateOf(auth.clock().Now());
        if (const auto text = request.Query("date")) {
          auto parsed = RequireDate(*text, "date");
          if (!parsed) return parsed.error();
          day = *parsed;
        }
        auto diary = app::RoomDiary(auth.db(), OfficeOf(request), who.staff_id, day);
        if (!diary) return diary.error();
        json rooms = json::array(), bookings = json::array();
        for (const auto& r : diary->rooms) rooms.push_back(RoomJson(r));
        for (const auto& e : diary->entries) bookings.push_back(DiaryEntryJson(e));
        return Response::Json(200, {{"office", diary->office_code},
                                    {"office_name", diary->office_name},
                                    {"date", FormatDate(diary->day)},
                                    {"rooms", std::move(rooms)},
                                    {"bookings", std::move(bookings)}});
      }),
      {"An office's rooms and bookings on a UK day; a case you may not see shows only the room "
       "taken"});

  router.Add("GET", "/api/v1/keep-apart/margin",
             auth.Guard([&auth](const Request&, const Principal&) -> Result<Response> {
               const auto history = app::KeepApartMargins(auth.db());
               json items = json::array();
               for (const auto& m : history) items.push_back(MarginJson(m));
               return Response::Json(200,
                                     {{"minutes", history.empty() ? 60 : history.front().minutes},
                                      {"history", std::move(items)}});
             }),
             {"The keep-apart margin in force and every change to it, newest first"});

  router.Add("PUT", "/api/v1/keep-apart/margin",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = MayManageRooms(who); !ok) return ok.error();
               auto body = ParseJsonBody(request, kMarginFields);
               if (!body) return body.error();
               auto minutes = RequiredInt32(*body, "minutes");
               if (!minutes) return minutes.error();
               auto reason = RequiredString(*body, "reason");
               if (!reason) return reason.error();
               auto change = app::SetKeepApartMargin(auth.db(), ActorOf(who), *minutes, *reason,
                                                     auth.clock().Now());
               if (!change) return change.error();
               return Response::Json(200, MarginJson(*change));
             }),
             {"Change the keep-apart margin, with a reason (administrators)"});
}

}  // namespace probity::web
