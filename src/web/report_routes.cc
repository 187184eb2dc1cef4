#include "web/report_routes.h"

#include <string>

#include "app/report_output.h"
#include "app/reports.h"

namespace probity::web {

namespace {
using access::Principal;
using nlohmann::json;

std::string QueryText(const Request& request, std::string_view name) {
  const auto value = request.Query(name);
  return value ? std::string(*value) : std::string();
}

Result<app::ReportQuery> ReportQueryOf(const Request& request) {
  return app::ParseReportQuery({QueryText(request, "from"), QueryText(request, "to"),
                                QueryText(request, "team"), QueryText(request, "pdu"),
                                QueryText(request, "region"), QueryText(request, "staff_id")});
}

bool WantsItems(const Request& request) {
  return request.Query("items") == std::optional<std::string_view>("true");
}

Response Csv(std::string body, const std::string& file) {
  auto response = Response::Text(200, std::move(body), "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return response;
}
}  // namespace

void AddReportRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/reports/kpi",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto query = ReportQueryOf(request);
               if (!query) return query.error();
               auto report = app::KpiReportFor(auth.db(), who, *query, auth.clock().Now());
               if (!report) return report.error();
               return Response::Json(200, app::KpiJson(*report, WantsItems(request)));
             }),
             {"Performance figures for a period and a unit, computed from the event log"});

  router.Add("GET", "/api/v1/reports/kpi.csv",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto query = ReportQueryOf(request);
               if (!query) return query.error();
               auto report = app::KpiReportFor(auth.db(), who, *query, auth.clock().Now());
               if (!report) return report.error();
               if (WantsItems(request))
                 return Csv(app::KpiItemsCsv(*report, QueryText(request, "code")),
                            "probity-kpi-items.csv");
               return Csv(app::KpiCsv(*report), "probity-kpi.csv");
             }),
             {"Performance figures as CSV (RFC 4180); items=true lists the items behind them"});

  router.Add("GET", "/api/v1/reports/kpi/{code}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               const std::string code(request.Param("code"));
               auto query = ReportQueryOf(request);
               if (!query) return query.error();
               auto report = app::KpiReportFor(auth.db(), who, *query, auth.clock().Now());
               if (!report) return report.error();
               json out = app::KpiJson(*report, true);
               for (auto& kpi : out["kpis"]) {
                 if (kpi["code"] != code) continue;
                 json one = out;
                 one.erase("kpis");
                 one["kpi"] = std::move(kpi);
                 return Response::Json(200, one);
               }
               return Error::NotFound("unknown_kpi", "There is no figure " + code + ".");
             }),
             {"One performance figure with the items behind it"});

  router.Add("GET", "/api/v1/reports/integrity",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto query = ReportQueryOf(request);
               if (!query) return query.error();
               auto report = app::IntegrityReportFor(auth.db(), who, *query, auth.clock().Now());
               if (!report) return report.error();
               return Response::Json(200, app::IntegrityJson(*report));
             }),
             {"The integrity report for a period and a unit, from the event log"});

  router.Add("GET", "/api/v1/reports/integrity.csv",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto query = ReportQueryOf(request);
               if (!query) return query.error();
               auto report = app::IntegrityReportFor(auth.db(), who, *query, auth.clock().Now());
               if (!report) return report.error();
               return Csv(app::IntegrityCsv(*report), "probity-integrity.csv");
             }),
             {"The integrity report as CSV (RFC 4180)"});
}

}  // namespace probity::web
