#include "app/report_output.h"

#include "core/csv.h"
#include "workload/chart.h"

namespace probity::app {
namespace {

using nlohmann::json;

json QueryJson(const ReportQuery& query, const std::string& scope_name) {
  return {
      {"period", {{"from", FormatDate(query.period.from)}, {"to", FormatDate(query.period.to)}}},
      {"scope",
       {{"level", reporting::ToString(query.scope.level)},
        {"code", query.scope.code.empty() ? json(nullptr) : json(query.scope.code)},
        {"staff_id", query.scope.staff_id == 0 ? json(nullptr) : json(query.scope.staff_id)},
        {"name", scope_name}}}};
}

json SourceJson(const ReportSource& s) {
  return {{"through_seq", s.through_seq},
          {"head_hash", s.head_hash},
          {"as_of", FormatUtc(s.as_of)},
          {"cases_read", s.cases_read},
          {"events_read", s.events_read}};
}

std::string RateText(const reporting::Kpi& k) {
  const auto rate = k.RateTenths();
  return rate ? workload::TenthsText(*rate) : std::string();
}

std::string ScopeText(const KpiReport& r) {
  return reporting::ToString(r.query.scope.level) +
         (r.query.scope.code.empty() ? std::string() : ":" + r.query.scope.code) +
         (r.query.scope.staff_id == 0 ? std::string()
                                      : ":" + std::to_string(r.query.scope.staff_id));
}

}  // namespace

json KpiJson(const KpiReport& report, bool with_items) {
  json out = QueryJson(report.query, report.scope_name);
  out["source"] = SourceJson(report.source);
  json kpis = json::array();
  for (const auto& k : report.kpis) {
    const auto rate = k.RateTenths();
    json breakdown = json::array();
    for (const auto& b : k.breakdown) breakdown.push_back({{"label", b.label}, {"count", b.count}});
    json kpi = {{"code", k.code},
                {"title", k.title},
                {"definition", k.definition},
                {"numerator_label", k.numerator_label},
                {"denominator_label", k.denominator_label},
                {"higher_is_better", k.higher_is_better},
                {"numerator", k.numerator},
                {"denominator", k.denominator},
                {"rate_tenths", rate ? json(*rate) : json(nullptr)},
                {"rate", rate ? json(RateText(k)) : json(nullptr)},
                {"breakdown", std::move(breakdown)}};
    if (with_items) {
      json items = json::array();
      for (const auto& i : k.items) {
        items.push_back({{"crn", i.crn},
                         {"on", i.on},
                         {"counted", i.counted},
                         {"category", i.category},
                         {"detail", i.detail},
                         {"who", i.who},
                         {"instructed_by", i.instructed_by},
                         {"seq", i.seq}});
      }
      kpi["items"] = std::move(items);
    }
    kpis.push_back(std::move(kpi));
  }
  out["kpis"] = std::move(kpis);
  return out;
}

json IntegrityJson(const IntegrityReport& report) {
  json out = QueryJson(report.query, report.scope_name);
  out["source"] = SourceJson(report.source);
  json sections = json::array();
  for (const auto& s : report.sections) {
    json entries = json::array();
    for (const auto& e : s.entries) {
      entries.push_back({{"crn", e.crn},
                         {"at", FormatUtc(e.at)},
                         {"who", e.who},
                         {"instructed_by", e.instructed_by},
                         {"reason", e.reason},
                         {"detail", e.detail},
                         {"seq", e.seq}});
    }
    sections.push_back({{"code", s.code},
                        {"title", s.title},
                        {"description", s.description},
                        {"count", s.entries.size()},
                        {"entries", std::move(entries)}});
  }
  out["sections"] = std::move(sections);
  return out;
}

std::string KpiCsv(const KpiReport& report) {
  std::string csv = CsvLine({"code", "title", "numerator", "denominator", "rate_percent", "from",
                             "to", "scope", "through_seq", "head_hash"});
  const std::string from = FormatDate(report.query.period.from);
  const std::string to = FormatDate(report.query.period.to);
  const std::string scope = ScopeText(report);
  const std::string through = std::to_string(report.source.through_seq);
  for (const auto& k : report.kpis) {
    std::string rate = RateText(k);
    if (!rate.empty()) rate.pop_back();  // "87.5%" -> "87.5": a number a spreadsheet reads
    csv += CsvLine({k.code, k.title, std::to_string(k.numerator), std::to_string(k.denominator),
                    rate, from, to, scope, through, report.source.head_hash});
  }
  return csv;
}

std::string KpiItemsCsv(const KpiReport& report, const std::string& code) {
  std::string csv = CsvLine(
      {"code", "crn", "on", "counted", "category", "detail", "who", "instructed_by", "seq"});
  for (const auto& k : report.kpis) {
    if (!code.empty() && k.code != code) continue;
    for (const auto& i : k.items) {
      csv += CsvLine({k.code, i.crn, i.on, i.counted ? "true" : "false", i.category, i.detail,
                      i.who, i.instructed_by, std::to_string(i.seq)});
    }
  }
  return csv;
}

std::string IntegrityCsv(const IntegrityReport& report) {
  std::string csv =
      CsvLine({"section", "crn", "at", "who", "instructed_by", "reason", "detail", "seq"});
  for (const auto& s : report.sections) {
    for (const auto& e : s.entries) {
      csv += CsvLine({s.code, e.crn, FormatUtc(e.at), e.who, e.instructed_by, e.reason, e.detail,
                      std::to_string(e.seq)});
    }
  }
  return csv;
}

}  // namespace probity::app
