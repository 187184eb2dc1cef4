#include "web/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace probity::web {
namespace {

Request Make(std::string method, std::string_view target) {
  Request r;
  r.method = std::move(method);
  r.request_id = "0123456789abcdef";
  EXPECT_TRUE(SetTarget(r, target)) << target;
  return r;
}

// Answers with the route that matched and the parameters it saw.
Handler Echo(std::string name) {
  return [name](const Request& r) {
    nlohmann::json params = r.params;
    return Response::Json(200, {{"route", name}, {"params", params}});
  };
}

nlohmann::json Body(const Response& r) { return nlohmann::json::parse(r.body); }

TEST(Router, ExtractsDecodedParameters) {
  Router router;
  router.Add("GET", "/api/v1/people/{crn}/contacts/{id}", Echo("contact"));
  auto request = Make("GET", "/api/v1/people/X12%2F34/contacts/7%20a");
  auto response = router.Dispatch(request);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(Body(response)["params"],
            nlohmann::json({{"crn", "X12/34"}, {"id", "7 a"}}));  // %2F stays in its segment
  EXPECT_EQ(request.Param("crn"), "X12/34");
}

TEST(Router, UnknownPathIsNotFoundAndKnownPathOtherMethodIsNotAllowed) {
  Router router;
  router.Add("GET", "/things/{id}", Echo("get"));
  router.Add("DELETE", "/things/{id}", Echo("delete"));
  router.Add("POST", "/things", Echo("post"));

  const struct {
    const char* why;
    const char* method;
    const char* target;
    int status;
    const char* code;
    const char* allow;
  } cases[] = {
      {"no such path", "GET", "/nothing", 404, "not_found", ""},
      {"too many segments", "GET", "/things/1/more", 404, "not_found", ""},
      {"trailing slash is another path", "GET", "/things/1/", 404, "not_found", ""},
      {"root", "GET", "/", 404, "not_found", ""},
      {"path has GET and DELETE", "PUT", "/things/1", 405, "method_not_allowed",
       "DELETE, GET, HEAD"},
      {"path has POST only", "GET", "/things", 405, "method_not_allowed", "POST"},
      {"methods are case-sensitive", "get", "/things/1", 405, "method_not_allowed",
       "DELETE, GET, HEAD"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto request = Make(c.method, c.target);
    auto response = router.Dispatch(request);
    EXPECT_EQ(response.status, c.status);
    EXPECT_EQ(Body(response)["error"]["code"], c.code);
    EXPECT_EQ(response.Header("Allow").value_or(""), c.allow);
  }
}

TEST(Router, LiteralSegmentBeatsParameterWhateverTheOrder) {
  Router router;
  router.Add("GET", "/people/{crn}", Echo("person"));
  router.Add("GET", "/people/search", Echo("search"));
  router.Add("GET", "/{a}/{b}/x", Echo("params-first"));
  router.Add("GET", "/people/{b}/{c}", Echo("literal-first"));

  const struct {
    const char* target;
    const char* route;
  } cases[] = {
      {"/people/search", "search"},
      {"/people/X123", "person"},
      {"/people/1/x", "literal-first"},  // the earliest differing segment decides
      {"/staff/1/x", "params-first"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    auto request = Make("GET", c.target);
    EXPECT_EQ(Body(router.Dispatch(request))["route"], c.route);
  }
}

TEST(Router, HeadUsesGetUnlessAHeadRouteExists) {
  Router router;
  router.Add("GET", "/a", Echo("get a"));
  router.Add("GET", "/b", Echo("get b"));
  router.Add("HEAD", "/b", Echo("head b"));
  auto a = Make("HEAD", "/a");
  EXPECT_EQ(Body(router.Dispatch(a))["route"], "get a");
  auto b = Make("HEAD", "/b");
  EXPECT_EQ(Body(router.Dispatch(b))["route"], "head b");
}

TEST(Router, ResultHandlerErrorsAreMappedAndExceptionsHidden) {
  Router router;
  router.Add("GET", "/invalid", [](const Request&) -> Result<Response> {
    return Error::Invalid("bad_date", "the date must be YYYY-MM-DD", "date");
  });
  router.Add("GET", "/ok",
             [](const Request&) -> Result<Response> { return Response::Text(200, "fine"); });
  router.Add("GET", "/throws", [](const Request&) -> Response {
    throw std::logic_error("invariant broken: table people_x");
  });

  auto invalid = Make("GET", "/invalid");
  auto r = router.Dispatch(invalid);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r), nlohmann::json::parse(R"({"error":{"code":"bad_date",
      "message":"the date must be YYYY-MM-DD","field":"date"}})"));

  auto ok = Make("GET", "/ok");
  EXPECT_EQ(router.Dispatch(ok).body, "fine");

  auto throws = Make("GET", "/throws");
  r = router.Dispatch(throws);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("people_x"), std::string::npos);
  EXPECT_EQ(Body(r)["error"]["message"], "internal error, request id 0123456789abcdef");
}

TEST(Router, RejectsBadPatterns) {
  const struct {
    const char* method;
    const char* pattern;
  } bad[] = {
      {"GET", "no/slash"}, {"GET", ""},         {"GET", "/a/{}"},    {"GET", "/a/{b"},
      {"GET", "/a/x{b}"},  {"GET", "/a/{b-c}"}, {"GET", "/{a}/{a}"}, {"GET", "/a//b"},
      {"get", "/a"},       {"GET", "/dup/{x}"},  // clashes with /dup/{y} added below
  };
  Router router;
  router.Add("GET", "/dup/{y}", Echo("dup"));
  for (const auto& b : bad) {
    SCOPED_TRACE(b.pattern);
    EXPECT_THROW(router.Add(b.method, b.pattern, Echo("x")), std::invalid_argument);
  }
  EXPECT_NO_THROW(router.Add("POST", "/dup/{x}", Echo("other method")));
  EXPECT_NO_THROW(router.Add("GET", "/dup/literal", Echo("literal")));
}

TEST(Router, ListsRoutesInOrder) {
  Router router;
  router.Add("GET", "/a", Echo("a"), {.summary = "the a"});
  router.Add("POST", "/b/{id}", Echo("b"));
  auto routes = router.Routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/a");
  EXPECT_EQ(routes[0].doc.summary, "the a");
  EXPECT_EQ(routes[1].pattern, "/b/{id}");
}

}  // namespace
}  // namespace probity::web
