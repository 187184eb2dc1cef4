#include "web/pages/diary_page.h"

#include <array>
#include <chrono>

#include "app/appointments.h"
#include "core/date.h"
#include "core/uk_time.h"
#include "web/pages/appointment_pages.h"

namespace probity::web::pages {

namespace {

using nlohmann::json;

// "Monday 23 November 2026"
std::string DayHeading(Date day) {
  static constexpr std::array<const char*, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
  return std::string(kDays[std::chrono::weekday(day).c_encoding()]) + " " +
         LongDate(FormatDate(day));
}

Date MondayOf(Date day) {
  return day - std::chrono::days{std::chrono::weekday(day).iso_encoding() - 1};
}

std::string DiaryUrl(Date from, bool week) {
  return "/diary?from=" + FormatDate(from) + (week ? "&view=week" : "");
}

Result<Response> DiaryPage(const Site& site, const Request& request, const access::Principal& who) {
  const auto now = site.auth.clock().Now();
  const Date today = UkDateOf(now);
  const bool week = request.Query("view").value_or("") == "week";
  json data = {{"errors", json::array()}, {"from", ""}};
  Date from = today;
  if (const auto text = request.Query("from"); text && !text->empty()) {
    data["from"] = std::string(*text);
    if (const auto day = ParseDate(*text)) {
      from = *day;
    } else {
      const std::string message = "Enter a real date as YYYY-MM-DD, such as 2026-11-24";
      data["errors"].push_back({{"field", "from"}, {"message", message}});
      data["from_error"] = message;
    }
  }
  if (week) from = MondayOf(from);
  const int days = week ? 7 : 1;

  const auto entries = app::LoadDiary(site.auth.db(), who.staff_id, who.staff_id, from, days);
  json day_list = json::array();
  for (int i = 0; i < days; ++i) {
    const Date day = from + std::chrono::days{i};
    json items = json::array();
    for (const auto& e : entries) {
      if (UkDateOf(e.appointment.starts_at) != day) continue;
      json item = AppointmentView(e.appointment, e.crn, now);
      item["crn"] = e.crn;
      item["name"] = e.first_name + " " + e.last_name;
      item["person_url"] = "/people/" + e.crn;
      items.push_back(std::move(item));
    }
    day_list.push_back({{"date", FormatDate(day)},
                        {"heading", DayHeading(day)},
                        {"today", day == today},
                        {"has_entries", !items.empty()},
                        {"entries", std::move(items)}});
  }
  const auto step = std::chrono::days{days};
  data["days"] = std::move(day_list);
  data["week"] = week;
  data["count"] = entries.size();
  data["heading"] = week ? "Week beginning " + DayHeading(from) : DayHeading(from);
  data["day_url"] = DiaryUrl(from, false);
  data["week_url"] = DiaryUrl(from, true);
  data["today_url"] = week ? "/diary?view=week" : "/diary";
  data["previous_url"] = DiaryUrl(from - step, week);
  data["next_url"] = DiaryUrl(from + step, week);
  data["previous_label"] = week ? "Previous week" : "Previous day";
  data["next_label"] = week ? "Next week" : "Next day";
  data["previous_date"] =
      week ? "Week beginning " + DayHeading(from - step) : DayHeading(from - step);
  data["next_date"] = week ? "Week beginning " + DayHeading(from + step) : DayHeading(from + step);
  const int status = data["errors"].empty() ? 200 : 400;
  return Page(site, &who, status, "My diary", "diary", std::move(data));
}

}  // namespace

void AddDiaryPage(Router& router, const Site& site) {
  router.Add(
      "GET", "/diary",
      SignedIn(site,
               [site](const Request& request, const access::Principal& who) {
                 return DiaryPage(site, request, who);
               }),
      {"My diary: my appointments by UK day or week, with the day or week before and after"});
}

}  // namespace probity::web::pages
