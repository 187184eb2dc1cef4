// Breach proceedings and recall as pages, so they can be carried to the end without the API:
//
// - GET /people/{crn}/breaches/{id}: the proceedings with every step (kind, date, hearing date and
//   court, outcome, note, who recorded it and when) and a form for the next step, offering only
//   the steps (and outcomes) the rules take now (enforcement::NextBreachSteps); POST
//   .../breaches/{id}/steps records it.
// - GET /people/{crn}/recalls/{id}: the request (reasons, alternatives tried, licence conditions
//   breached), every step, whether fixed-term recall is open and if not why, and the form the
//   caller may use now: the SPO then a senior manager endorse or refuse; the service sends it to
//   the recall team; the recall team decides and records the return to custody; POST
//   .../recalls/{id}/steps (a hidden `step`: endorsement, sent, decision, returned_to_custody).
// - GET /recalls: the recall team's list (awaiting a decision, oldest sent first; or
//   ?status=decided), 403 for everyone else.
//
// Refused, a form comes back with the GOV.UK error summary and what was typed (409 when someone
// moved the proceedings on meanwhile, showing them as they now are); recorded, the page again
// with a banner (303). Cases go through the same gate as the API (OpenCaseFor: reading to see,
// kEnforce to record, kCountersign to endorse), and roles through the rules'
// MayRecordBreachStep / MayRecordRecallStep. The pages never decide what may follow what: the
// rules in enforcement/proceedings.h do, and app/proceedings.h records it.
#pragma once

#include <cstdint>
#include <string>

#include "access/model.h"
#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddProceedingsPages(Router& router, const Site& site);

// "/people/X1/breaches/3", "/people/X1/recalls/4"
std::string BreachUrl(const std::string& crn, int64_t breach_id);
std::string RecallUrl(const std::string& crn, int64_t recall_id);

// Where `role` starts: the recall team at its list (/recalls), everyone else at /caseload.
std::string HomeOf(access::Role role);

}  // namespace probity::web::pages
