#include "web/calendar_routes.h"

#include <array>
#include <charconv>
#include <climits>

#include "access/policy.h"
#include "app/calendar.h"
#include "web/case_gate.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;

constexpr std::array<const char*, 2> kCalculatorFields = {"from", "add_working_days"};
constexpr std::array<const char*, 3> kAdjustmentFields = {"date", "kind", "name"};

nlohmann::json HolidayJson(const calendar::Holiday& h) {
  return {{"date", FormatDate(h.date)}, {"name", h.name}, {"source", h.source}};
}

nlohmann::json AdjustmentJson(const calendar::Adjustment& a) {
  return {{"date", FormatDate(a.date)}, {"kind", calendar::ToString(a.kind)}, {"name", a.name}};
}

// ?year=YYYY: four digits; the use case checks the range.
Result<int> YearParam(const Request& request) {
  const auto text = request.Query("year");
  if (!text || text->empty()) return Error::Invalid("missing_field", "enter year", "year");
  int year = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), year);
  if (ec != std::errc() || end != text->data() + text->size() || text->size() != 4)
    return Error::Invalid("invalid_field", "year must be a year written YYYY, such as 2026",
                          "year");
  return year;
}

// A required date written YYYY-MM-DD, naming `field` when it is missing, not text or not real.
Result<Date> DateField(const nlohmann::json& body, const char* field) {
  auto text = RequiredString(body, field);
  if (!text) return text.error();
  return RequireDate(*text, field);
}

Result<calendar::Adjustment> ParseAdjustment(const nlohmann::json& body) {
  if (auto s = OnlyFields(body, kAdjustmentFields); !s) return s.error();
  auto date = DateField(body, "date");
  if (!date) return date.error();
  auto kind_text = RequiredString(body, "kind");
  if (!kind_text) return kind_text.error();
  auto kind = calendar::ParseAdjustmentKind(*kind_text);
  if (!kind)
    return Error::Invalid("invalid_field", "kind must be one of: holiday, working_day", "kind");
  auto name = RequiredString(body, "name");
  if (!name) return name.error();
  return calendar::Adjustment{*date, *kind, *name};
}

// Only administrators change the calendar.
Status MayManage(const Principal& who) {
  return access::Require(access::Decide(who, Action::kManageOrganisation));
}
}  // namespace

Result<WorkingDaysQuestion> ParseWorkingDaysQuestion(const nlohmann::json& body) {
  if (auto s = OnlyFields(body, kCalculatorFields); !s) return s.error();
  auto from = DateField(body, "from");
  if (!from) return from.error();
  auto n = RequiredInt(body, "add_working_days");
  if (!n) return n.error();
  const int step = *n < INT_MIN ? INT_MIN : *n > INT_MAX ? INT_MAX : static_cast<int>(*n);
  return WorkingDaysQuestion{*from, step};
}

Result<nlohmann::json> AnswerWorkingDays(const calendar::WorkingCalendar& calendar,
                                         const WorkingDaysQuestion& question) {
  auto date = calendar.AddWorkingDays(question.from, question.add_working_days);
  if (!date) return date.error();
  return nlohmann::json{{"date", FormatDate(*date)}};
}

void AddCalendarRoutes(Router& router, const Auth& auth) {
  router.Add("POST", "/api/v1/calculators/working-days",
             auth.Guard([&auth](const Request& request, const Principal&) -> Result<Response> {
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto question = ParseWorkingDaysQuestion(*body);
               if (!question) return question.error();
               auto answer = AnswerWorkingDays(app::LoadWorkingCalendar(auth.db()), *question);
               if (!answer) return answer.error();
               return Response::Json(200, *answer);
             }),
             {"The date a number of working days from another (England and Wales)"});

  router.Add("GET", "/api/v1/calendar/holidays",
             auth.Guard([&auth](const Request& request, const Principal&) -> Result<Response> {
               auto year = YearParam(request);
               if (!year) return year.error();
               auto holidays = app::HolidaysIn(auth.db(), *year);
               if (!holidays) return holidays.error();
               nlohmann::json list = nlohmann::json::array();
               for (const auto& h : *holidays) list.push_back(HolidayJson(h));
               return Response::Json(200, {{"year", *year}, {"holidays", list}});
             }),
             {"A year's holidays in England and Wales: rules, proclaimed and local"});

  router.Add("POST", "/api/v1/calendar/adjustments",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = MayManage(who); !ok) return ok.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto adjustment = ParseAdjustment(*body);
               if (!adjustment) return adjustment.error();
               auto added = app::AddCalendarAdjustment(auth.db(), ActorOf(who), *adjustment,
                                                       auth.clock().Now());
               if (!added) return added.error();
               return Response::Json(201, AdjustmentJson(*added));
             }),
             {"Add a local holiday, or a bank holiday that is worked (administrators)"});

  router.Add("DELETE", "/api/v1/calendar/adjustments/{date}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = MayManage(who); !ok) return ok.error();
               const std::string text(request.Param("date"));
               // A malformed date names no adjustment.
               const auto date = ParseDate(text);
               if (!date)
                 return Error{ErrorKind::kNotFound, "no_adjustment",
                              "there is no local adjustment on " + text.substr(0, 40), "date"};
               auto removed = app::RemoveCalendarAdjustment(auth.db(), ActorOf(who), *date,
                                                            auth.clock().Now());
               if (!removed) return removed.error();
               return Response::Text(204, "");
             }),
             {"Remove a local adjustment (administrators)"});
}

}  // namespace probity::web
