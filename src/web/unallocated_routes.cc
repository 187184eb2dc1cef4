#include "web/unallocated_routes.h"

#include "app/unallocated.h"
#include "web/appointment_json.h"
#include "web/json_output.h"
#include "web/person_json.h"

namespace probity::web {

using nlohmann::json;

json QueueEntryJson(const allocation::QueueEntry& e) {
  json last = nullptr;
  if (e.last_action)
    last = {{"type", e.last_action->type},
            {"at", FormatUtc(e.last_action->at)},
            {"by", e.last_action->author_name},
            {"system", e.last_action->system}};
  json viewed = json::array();
  for (const auto& v : e.viewed_by)
    viewed.push_back({{"name", v.staff_name}, {"last_viewed_on", FormatDate(v.last_day)}});
  return {{"person", PersonSummaryJson(e.person)},
          {"age", e.age},
          {"sentence",
           {{"id", e.sentence.id},
            {"kind", e.sentence.kind},
            {"sentence_date", e.sentence.sentence_date},
            {"release_date", OrNull(e.sentence.release_date)}}},
          {"waiting_since", FormatUtc(e.waiting_since)},
          {"days_waiting", e.days_waiting},
          {"risk_flags", e.risk_flags},
          {"high_risk", e.high_risk},
          {"first_appointment",
           e.first_appointment ? FirstAppointmentJson(*e.first_appointment) : json(nullptr)},
          {"last_action", last},
          {"viewed_by", viewed}};
}

void AddUnallocatedRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/unallocated/queue",
             auth.Guard([&auth](const Request&, const access::Principal& who) -> Result<Response> {
               auto queue = app::UnallocatedQueue(auth.db(), who, auth.clock().Now());
               if (!queue) return queue.error();
               json items = json::array();
               for (const auto& e : *queue) items.push_back(QueueEntryJson(e));
               return Response::Json(200, {{"items", std::move(items)}});
             }),
             {"The unallocated queue, most urgent first, with what allocation weighs"});
}

}  // namespace probity::web
