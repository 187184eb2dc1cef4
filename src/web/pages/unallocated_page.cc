#include "web/pages/unallocated_page.h"

#include "app/unallocated.h"
#include "cases/contact_rules.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "web/pages/unit_full_pages.h"

namespace probity::web::pages {

namespace {

using nlohmann::json;

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }

json Row(const allocation::QueueEntry& e) {
  const auto& p = e.person;
  json first = nullptr;
  if (const auto& f = e.first_appointment)
    first = {{"due_by", LongDateOf(f->due_by)},
             {"due_by_iso", FormatDate(f->due_by)},
             {"missed", f->status == "missed"},
             {"met", f->status == "met"}};
  json last = nullptr;
  if (const auto& a = e.last_action)
    last = {{"what", cases::TimelineTypeLabel(a->type)},
            {"by", a->author_name},
            {"at", LongDateTime(a->at)},
            {"at_iso", FormatUtc(a->at)}};
  std::string viewed;  // "Sandra Price (23 November 2026); Priya Okafor (22 November 2026)"
  for (const auto& v : e.viewed_by)
    viewed += (viewed.empty() ? "" : "; ") + v.staff_name + " (" + LongDateOf(v.last_day) + ")";
  std::string sentence(cases::LabelOf(cases::SentenceKinds(), e.sentence.kind));
  sentence += ", " + LongDate(e.sentence.sentence_date);
  return {{"url", "/people/" + p.crn},
          {"name", p.last_name + ", " + p.first_name},
          {"crn", p.crn},
          {"team", p.team_code},
          {"age", e.age},
          {"tier", p.tier ? json(*p.tier) : json("Not tiered")},
          {"flags", e.risk_flags},
          {"high_risk", e.high_risk},
          {"restricted", p.limited},
          {"sentence", sentence},
          {"first", first},
          {"waiting", std::to_string(e.days_waiting) + (e.days_waiting == 1 ? " day" : " days")},
          {"waiting_since", LongDateTime(e.waiting_since)},
          {"last", last},
          {"viewed", viewed.empty() ? json(nullptr) : json(viewed)}};
}

Result<Response> QueuePage(const Site& site, const Request&, const access::Principal& who) {
  auto queue = app::UnallocatedQueue(site.auth.db(), who, site.auth.clock().Now());
  if (!queue) return queue.error();
  json rows = json::array();
  int missed = 0, high_risk = 0;
  for (const auto& e : *queue) {
    rows.push_back(Row(e));
    missed += e.first_appointment && e.first_appointment->status == "missed";
    high_risk += e.high_risk;
  }
  json data = {{"rows", std::move(rows)}, {"count", queue->size()},
               {"missed", missed},        {"high_risk", high_risk},
               {"empty", queue->empty()}, {"declarations", DeclarationBanners(site, who)}};
  return Page(site, &who, 200, "Unallocated cases", "unallocated", std::move(data));
}

}  // namespace

void AddUnallocatedPage(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", "/unallocated", QueuePage,
       "The unallocated queue: cases with a current sentence and no officer, most urgent first"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
