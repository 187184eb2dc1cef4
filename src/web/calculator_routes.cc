#include "web/calculator_routes.h"

#include "web/risk_json.h"
#include "web/workload_json.h"

namespace probity::web {

namespace {
using access::Principal;

// A handler that answers a JSON question with `answer` (parse, calculate, answer).
template <class Answer>
ResultHandler Calculator(const Auth& auth, Answer answer) {
  return auth.Guard([answer](const Request& request, const Principal&) -> Result<Response> {
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    auto json = answer(*body);
    if (!json) return json.error();
    return Response::Json(200, *json);
  });
}
}  // namespace

void AddCalculatorRoutes(Router& router, const Auth& auth) {
  router.Add("POST", "/api/v1/calculators/ogrs3", Calculator(auth, AnswerOgrs3),
             {"OGRS3: the chance of proven reoffending within one and two years"});
  router.Add("POST", "/api/v1/calculators/tier", Calculator(auth, AnswerTier),
             {"The tier (protect level A-D, change level 0-3) with the points behind it"});
  router.Add("POST", "/api/v1/calculators/workload", Calculator(auth, AnswerWorkload),
             {"Workload points, available points and capacity, before and after a candidate case"});
}

}  // namespace probity::web
