#include "web/http.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace probity::web {
namespace {

TEST(SetTarget, DecodesPathSegmentsAndQuery) {
  Request r;
  ASSERT_TRUE(SetTarget(r, "/api/v1/people/A%2FB/x%20y?q=a+b&q=c%26d&empty=&flag"));
  EXPECT_EQ(r.target, "/api/v1/people/A%2FB/x%20y?q=a+b&q=c%26d&empty=&flag");
  EXPECT_EQ(r.path, "/api/v1/people/A/B/x y");
  EXPECT_EQ(r.segments, (std::vector<std::string>{"api", "v1", "people", "A/B", "x y"}));
  EXPECT_EQ(r.query.count("q"), 2u);
  EXPECT_EQ(r.Query("q"), "a b");
  EXPECT_EQ(r.Query("empty"), "");
  EXPECT_EQ(r.Query("flag"), "");
  EXPECT_EQ(r.Query("missing"), std::nullopt);
}

TEST(SetTarget, RootHasNoSegments) {
  Request r;
  ASSERT_TRUE(SetTarget(r, "/"));
  EXPECT_TRUE(r.segments.empty());
}

TEST(SetTarget, RejectsWhatIsNotOriginForm) {
  for (const char* target : {"http://example.com/a", "*", "a/b", "/bad%zzescape", ""}) {
    SCOPED_TRACE(target);
    Request r;
    auto status = SetTarget(r, target);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, "bad_target");
  }
}

TEST(Request, HeaderLookupIgnoresCase) {
  Request r;
  r.headers = {{"Content-Type", "application/json"}, {"X-Thing", "1"}, {"x-thing", "2"}};
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.Header("X-THING"), "1");
  EXPECT_EQ(r.Header("Cookie"), std::nullopt);
}

TEST(Response, SetHeaderReplacesAnyCase) {
  auto r = Response::Text(200, "hi");
  EXPECT_EQ(r.Header("content-type"), "text/plain; charset=utf-8");
  r.SetHeader("content-type", "text/html");
  EXPECT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.Header("Content-Type"), "text/html");
}

TEST(Response, JsonReplacesInvalidUtf8InsteadOfThrowing) {
  auto r = Response::Json(200, {{"name", std::string("a\xff")}});
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  EXPECT_TRUE(nlohmann::json::accept(r.body));
}

TEST(ParseJsonBody, AcceptsJsonAndRejectsTheRest) {
  const struct {
    const char* why;
    const char* content_type;  // nullptr: no header
    std::string body;
    bool ok;
  } cases[] = {
      {"object", "application/json", R"({"a":1})", true},
      {"with charset", "application/json; charset=utf-8", "[1,2]", true},
      {"media type case", "Application/JSON", "1", true},
      {"truncated", "application/json", R"({"a":)", false},
      {"two values", "application/json", "{} {}", false},
      {"empty", "application/json", "", false},
      {"invalid utf-8", "application/json", "\"\xff\"", false},
      {"form content type", "application/x-www-form-urlencoded", "{}", false},
      {"json-ish content type", "application/jsonp", "{}", false},
      {"no content type", nullptr, "{}", false},
      {"nested too deeply", "application/json", std::string(65, '[') + std::string(65, ']'), false},
      {"deep enough", "application/json", std::string(64, '[') + std::string(64, ']'), true},
      {"brackets in strings do not count", "application/json",
       "[\"" + std::string(100, '[') + "\\\"\"]", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    Request r;
    if (c.content_type) r.headers.emplace_back("Content-Type", c.content_type);
    r.body = c.body;
    auto json = ParseJsonBody(r);
    EXPECT_EQ(json.has_value(), c.ok);
    if (!json) {
      EXPECT_EQ(json.error().kind, ErrorKind::kInvalid);
      EXPECT_EQ(json.error().code, "malformed_json");
      EXPECT_FALSE(json.error().message.empty());
    }
  }
}

TEST(NewRequestId, IsSixteenHexDigitsAndVaries) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto id = NewRequestId();
    EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{16}"))) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace probity::web
