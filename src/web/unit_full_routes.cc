#include "web/unit_full_routes.h"

#include <array>

#include "app/unit_full.h"
#include "core/uk_time.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using nlohmann::json;
constexpr std::array kDeclareFields = {"unit", "code", "from", "to", "reason", "suspended_work"};
constexpr std::array kEndFields = {"ended_on", "reason"};
}  // namespace

json DeclarationJson(const workload::Declaration& d, Date today) {
  json ended = nullptr;
  if (d.ended_on)
    ended = {
        {"ended_on", FormatDate(*d.ended_on)}, {"reason", d.end_reason}, {"by", d.ended_by_name}};
  return {{"id", d.id},
          {"unit", d.team_id ? "team" : "pdu"},
          {"code", d.unit_code},
          {"name", d.unit_name},
          {"from", FormatDate(d.from)},
          {"to", d.to ? json(FormatDate(*d.to)) : json(nullptr)},
          {"reason", d.reason},
          {"suspended_work", d.suspended_work},
          {"declared_by", d.declared_by_name},
          {"declared_at", FormatUtc(d.declared_at)},
          {"in_force", workload::InForce(d, today)},
          {"ended", ended}};
}

void AddUnitFullRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/capacity-declarations",
             auth.Guard([&auth](const Request&, const access::Principal& who) -> Result<Response> {
               const Date today = UkDateOf(auth.clock().Now());
               json items = json::array();
               for (const auto& d : app::ListUnitFull(auth.db(), who))
                 items.push_back(DeclarationJson(d, today));
               return Response::Json(200, {{"items", std::move(items)}});
             }),
             {"Teams and PDUs declared over capacity in your PDUs, newest first"});

  router.Add(
      "POST", "/api/v1/capacity-declarations",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        auto body = ParseJsonBody(request);
        if (!body) return body.error();
        if (auto ok = OnlyFields(*body, kDeclareFields); !ok) return ok.error();
        app::DeclarationInput in;
        for (auto [field, target] : {std::pair{"unit", &in.unit},
                                     {"code", &in.code},
                                     {"from", &in.from},
                                     {"reason", &in.reason},
                                     {"suspended_work", &in.suspended_work}}) {
          auto value = RequiredString(*body, field);
          if (!value) return value.error();
          *target = std::move(*value);
        }
        auto to = OptionalString(*body, "to");
        if (!to) return to.error();
        in.to = *to;
        const auto now = auth.clock().Now();
        auto d = app::DeclareUnitFull(auth.db(), who, in, now);
        if (!d) return d.error();
        return Response::Json(201, DeclarationJson(*d, UkDateOf(now)));
      }),
      {"Declare a team or PDU over capacity (the head of its PDU)"});

  router.Add(
      "POST", "/api/v1/capacity-declarations/{id}/end",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        const auto id = request.IdParam("id");
        if (!id) return Error::NotFound("not_found", "there is no such declaration");
        auto body = ParseJsonBody(request);
        if (!body) return body.error();
        if (auto ok = OnlyFields(*body, kEndFields); !ok) return ok.error();
        auto on = RequiredString(*body, "ended_on");
        if (!on) return on.error();
        auto reason = RequiredString(*body, "reason");
        if (!reason) return reason.error();
        const auto now = auth.clock().Now();
        auto d = app::EndUnitFull(auth.db(), who, *id, *on, *reason, now);
        if (!d) return d.error();
        return Response::Json(200, DeclarationJson(*d, UkDateOf(now)));
      }),
      {"End a declaration early"});
}

}  // namespace probity::web
