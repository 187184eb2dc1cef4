// A person's enforcement as pages: the enforcement tab (GET /people/{crn}/enforcement: per
// sentence the unacceptable failures counted in the window, the stage, any breach or recall (read
// only), every alert newest first with its state, due date and decisions, and the decision history
// with who decided, countersigned, endorsed or declined, and when), and answering a decision not to
// enforce (POST .../decisions/{id}/countersign, .../endorse, .../decline: the decision's version in
// a hidden field; refused, the tab again with the error summary, 409 showing it as it now is). The
// decision form is enforcement_decision_page.h's, the worklist worklist_page.h's; the words and
// links they share are here.
//
// Every case goes through the same gate as the API (OpenCaseFor): reading for the tab, kEnforce
// for deciding, kCountersign for answering. Deciding is for practitioners, SPOs, senior managers
// and enforcement administrators (the recall team sees recall requests only); countersigning is
// for an SPO of the case's team, endorsing for a senior manager, declining for either. What a
// decision must be is the rules' to say (enforcement/rules.h), never decided here; a decision never
// touches the absence judgement it answers.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "access/model.h"
#include "cases/model.h"
#include "core/date.h"
#include "enforcement/model.h"
#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddEnforcementPages(Router& router, const Site& site);

// Whether `role` decides on failures and works the enforcement worklist: practitioners, SPOs,
// senior managers and enforcement administrators. The recall team, analysts and administrators
// do not.
bool DecidesOnFailures(access::Role role);

// Words for the templates: "Warning", "Licence compliance letter", "Decision required".
std::string AlertKindLabel(enforcement::AlertKind kind);
// "Warning issued", "Not enforced on professional judgement", ...
std::string DecisionLabel(enforcement::DecisionKind kind);
// An alert's state as a GOV.UK tag: its words and class.
std::pair<std::string, std::string> AlertStateTag(enforcement::AlertState state);
// What a failure during proceedings is, for the track: "During breach proceedings: evidence for
// court", "During a recall: evidence for the recall team".
std::string DuringProceedingsText(enforcement::Track track);

// The person's enforcement tab: "/people/X1/enforcement".
std::string EnforcementUrl(const std::string& crn);
// An alert's id on the tab: "alert-12-345" (sentence, then the failure's appointment).
std::string AlertAnchor(int64_t sentence_id, int64_t appointment_id);
// "Licence: Burglary (released 3 March 2026)", "Community order: Theft (sentenced 1 May 2026)"
std::string SentenceTitle(const cases::Sentence& s);

// Where an alert is on the enforcement tab: "/people/X1/enforcement#alert-12-345".
std::string AlertUrl(const std::string& crn, int64_t sentence_id, int64_t appointment_id);
// The decision form for an alert.
std::string DecisionFormUrl(const std::string& crn, int64_t sentence_id, int64_t appointment_id);
// Whether an alert still takes a decision (open, or awaiting further information).
bool TakesDecision(enforcement::AlertState state);

}  // namespace probity::web::pages
