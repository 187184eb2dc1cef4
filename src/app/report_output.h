// The one rendering of reports as JSON and CSV, shared by the API and the CLI so that both give
// exactly the figures the pages show. CSV per RFC 4180 (core/csv.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/reports.h"

namespace probity::app {

// {period: {from, to}, scope: {level, code, staff_id, name}, source: {through_seq, head_hash,
// as_of, cases_read, events_read}, kpis: [{code, title, definition, numerator_label,
// denominator_label, higher_is_better, numerator, denominator, rate_tenths (null when nothing
// was counted), rate ("87.5%" or null), breakdown: [{label, count}], items (with_items only):
// [{crn (empty when withheld), on, counted, category, detail, who, instructed_by, seq}]}]}
nlohmann::json KpiJson(const KpiReport& report, bool with_items);
// The same, each section {code, title, description, count, entries: [{crn, at, who,
// instructed_by, reason, detail, seq}]} instead of kpis.
nlohmann::json IntegrityJson(const IntegrityReport& report);

// One row a KPI: code, title, numerator, denominator, rate_percent, from, to, scope,
// through_seq, head_hash.
std::string KpiCsv(const KpiReport& report);
// One row an item of every KPI (or only of `code` when not empty): code, crn, on, counted,
// category, detail, who, instructed_by, seq.
std::string KpiItemsCsv(const KpiReport& report, const std::string& code);
// One row an entry: section, crn, at, who, instructed_by, reason, detail, seq.
std::string IntegrityCsv(const IntegrityReport& report);

}  // namespace probity::app
