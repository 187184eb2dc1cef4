// The HTML pages over HTTP with the application's own router, on both backends: signing in with
// the form (its own CSRF token, safe redirects), the caseload escaping what people typed, a case
// someone may not see being "Page not found", forms refused without their CSRF token, the contact
// form's errors keeping input, and a note kept as a draft when the session ends.
#include <gtest/gtest.h>

#include "page_client.h"
#include "web/templates.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;
using testing::CsrfFieldOf;
using testing::Form;
using testing::kDemoPassword;

class PagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddCase("X123456", "<script>alert(1)</script>", "Walker & Sons");
  }

  // Signs in through the API; returns the cookie header value and the CSRF token.
  std::pair<std::string, std::string> Session(const std::string& user) { return SignIn(user); }
};

TEST_P(PagesTest, EveryTemplateParses) { EXPECT_TRUE(web::CheckTemplates()); }

// A value named like a partial would replace it, or be replaced by it, without a word.
TEST(Templates, PageDataNamedAfterAPartialIsAProgrammingError) {
  EXPECT_THROW(RenderTemplate("allocate", json{{"trend_chart", {{"width", 1}}}}), std::logic_error);
}

TEST_P(PagesTest, SignedOutPeopleAreSentToSignInAndBackAfterwards) {
  const auto home = Send("GET", "/");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("Location"), "/sign-in");
  const auto person = Send("GET", "/people/X123456?x=1");
  EXPECT_EQ(person.status, 303);
  EXPECT_EQ(person.Header("Location"), "/sign-in?next=%2Fpeople%2FX123456%3Fx%3D1");

  const auto page = Send("GET", "/sign-in?next=/people/X123456");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  const std::string set_cookie = page.Header("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string token = CsrfFieldOf(page.body);
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(cookie, "probity_sign_in=" + token);

  const auto signed_in = PostForm("/sign-in",
                                  Form({{"csrf_token", token},
                                        {"next", "/people/X123456"},
                                        {"username", "demo.po1"},
                                        {"password", kDemoPassword}}),
                                  {{"Cookie", cookie}});
  EXPECT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("Location"), "/people/X123456");
  const std::string session = signed_in.Header("Set-Cookie");
  ASSERT_TRUE(session.starts_with("probity_session=")) << session;
  const auto overview = Get("/people/X123456", session.substr(0, session.find(';')));
  EXPECT_EQ(overview.status, 200);
}

TEST_P(PagesTest, TheSignInFormRefusesAMissingTokenWrongDetailsAndForeignRedirects) {
  const auto page = Send("GET", "/sign-in");
  const std::string cookie =
      page.Header("Set-Cookie").substr(0, page.Header("Set-Cookie").find(';'));
  const std::string token = CsrfFieldOf(page.body);

  // No matching cookie: the form is shown again, and nobody is signed in.
  const auto forged = PostForm(
      "/sign-in",
      Form({{"csrf_token", token}, {"username", "demo.po1"}, {"password", kDemoPassword}}));
  EXPECT_EQ(forged.status, 400);
  EXPECT_EQ(forged.Header("Set-Cookie").find("probity_session="), std::string::npos);

  const auto empty = PostForm("/sign-in", Form({{"csrf_token", token}, {"username", "demo.po1"}}),
                              {{"Cookie", cookie}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Enter your password"), std::string::npos);
  EXPECT_NE(empty.body.find("value=\"demo.po1\""), std::string::npos) << "the username is kept";
  EXPECT_NE(empty.body.find("<title>Error: Sign in - Probity</title>"), std::string::npos);

  const auto wrong = PostForm(
      "/sign-in", Form({{"csrf_token", token}, {"username", "demo.po1"}, {"password", "nope"}}),
      {{"Cookie", cookie}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("The username or password is not right"), std::string::npos);

  for (const char* next : {"//evil.example/", "/\\evil.example", "https://evil.example/"}) {
    const auto r = PostForm("/sign-in",
                            Form({{"csrf_token", token},
                                  {"next", next},
                                  {"username", "demo.po1"},
                                  {"password", kDemoPassword}}),
                            {{"Cookie", cookie}});
    EXPECT_EQ(r.status, 303) << next;
    EXPECT_EQ(r.Header("Location"), "/caseload") << next;
  }
}

TEST_P(PagesTest, TheCaseloadShowsMyCasesWithWhatPeopleTypedEscaped) {
  const auto [cookie, csrf] = Session("demo.po1");
  const auto page = Get("/caseload", cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/people/X123456\""), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(page.body.find("Walker &amp; Sons, &lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_EQ(page.Header("Cache-Control"), "no-store");
  EXPECT_NE(page.Header("Content-Security-Policy").find("script-src 'self' 'sha256-"),
            std::string::npos);

  const auto search = Get("/caseload?q=walker", cookie);
  EXPECT_NE(search.body.find("X123456"), std::string::npos);
  const auto none = Get("/caseload?q=nobody", cookie);
  EXPECT_NE(none.body.find("No cases match your search."), std::string::npos);
  const auto other = Get("/caseload", Session("demo.po2").first);
  EXPECT_EQ(other.body.find("X123456"), std::string::npos) << "not demo.po2's case";
  EXPECT_EQ(Get("/caseload?cursor=rubbish", cookie).status, 400);
}

TEST_P(PagesTest, ACaseSomeoneMayNotSeeIsPageNotFound) {
  ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/X123456/exclusions",
               {{"username", "demo.po2"}, {"reason", "relative"}})
                .status,
            201);
  const auto [cookie, csrf] = Session("demo.po2");
  for (const char* path : {"/people/X123456", "/people/X123456/timeline",
                           "/people/X123456/contacts/new", "/people/X999999", "/nowhere"}) {
    const auto r = Get(path, cookie);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_NE(r.body.find("Page not found"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("Walker"), std::string::npos) << path;
  }
  const auto log = As("demo.admin", "GET", "/api/v1/access-log?crn=X123456").Json();
  ASSERT_FALSE(log["items"].empty());
  EXPECT_EQ(log["items"][0]["username"], "demo.po2");
  EXPECT_EQ(log["items"][0]["outcome"], "denied");
  // The API keeps its JSON errors.
  EXPECT_EQ(Send("GET", "/api/v1/nowhere", "", {{"Cookie", cookie}}).Json()["error"]["code"],
            "not_found");
}

TEST_P(PagesTest, AContactFormWithoutItsCsrfTokenIsRefusedAndWritesNothing) {
  const auto [cookie, csrf] = Session("demo.po1");
  const int64_t before = Events();
  const auto r =
      PostForm("/people/X123456/contacts/new", Form({{"type", "phone_call"}, {"note", "Called."}}),
               {{"Cookie", cookie}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.Header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_EQ(Events(), before);
}

TEST_P(PagesTest, TheContactFormKeepsInputOnErrorsAndSavesToTheTimeline) {
  const auto [cookie, csrf] = Session("demo.po1");
  const int64_t before = Events();
  const auto bad = PostForm(
      "/people/X123456/contacts/new",
      Form({{"csrf_token", csrf}, {"type", "phone_call"}, {"date", "2026-13-40"}, {"note", ""}}),
      {{"Cookie", cookie}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#note\""), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#date\""), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"phone_call\" checked"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"2026-13-40\""), std::string::npos);
  EXPECT_EQ(Events(), before);

  const auto ok = PostForm("/people/X123456/contacts/new",
                           Form({{"csrf_token", csrf},
                                 {"type", "phone_call"},
                                 {"date", "2026-07-01"},
                                 {"time", "09:30"},
                                 {"note", "Called <about> Thursday & Friday."}}),
                           {{"Cookie", cookie}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_TRUE(ok.Header("Location").starts_with("/people/X123456/timeline"));
  const auto timeline = Get("/people/X123456/timeline?type=phone_call", cookie);
  EXPECT_NE(timeline.body.find("Called &lt;about&gt; Thursday &amp; Friday."), std::string::npos);
  // 09:30 in July is British Summer Time: 08:30 UTC.
  EXPECT_NE(timeline.body.find("datetime=\"2026-07-01T08:30:00.000000Z\""), std::string::npos);
  EXPECT_NE(timeline.body.find("1 July 2026 at 9:30am"), std::string::npos);
}

TEST_P(PagesTest, ANoteTypedWhenTheSessionEndsIsKeptForItsAuthorAlone) {
  const auto [cookie, csrf] = Session("demo.po1");
  // The session ends (as when it times out); the browser still sends its cookie.
  ASSERT_EQ(
      Send("DELETE", "/api/v1/session", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).status,
      204);
  const int64_t before = Events();
  const std::string form =
      Form({{"csrf_token", csrf}, {"type", "home_visit"}, {"note", "Nobody answered."}});

  const auto forged =
      PostForm("/people/X123456/contacts/new",
               Form({{"csrf_token", "not-the-token"}, {"note", "planted"}}), {{"Cookie", cookie}});
  EXPECT_EQ(forged.status, 303);
  EXPECT_EQ(forged.Header("Location").find("draft_kept"), std::string::npos);

  const auto kept = PostForm("/people/X123456/contacts/new", form, {{"Cookie", cookie}});
  EXPECT_EQ(kept.status, 303);
  EXPECT_EQ(kept.Header("Location"),
            "/sign-in?draft_kept=1&next=%2Fpeople%2FX123456%2Fcontacts%2Fnew");
  EXPECT_EQ(Events(), before) << "a draft is not a record";

  const auto again = Session("demo.po1");
  const auto page = Get("/people/X123456/contacts/new", again.first);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"draft-kept\""), std::string::npos);
  EXPECT_NE(page.body.find(">Nobody answered.</textarea>"), std::string::npos);
  EXPECT_EQ(page.body.find("planted"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"home_visit\" checked"), std::string::npos);
  // Another officer of the team sees no draft of demo.po1's.
  const auto spo = Get("/people/X123456/contacts/new", Session("demo.spo1").first);
  EXPECT_EQ(spo.body.find("Nobody answered."), std::string::npos);

  // Saved, the draft is gone.
  ASSERT_EQ(PostForm("/people/X123456/contacts/new",
                     Form({{"csrf_token", again.second},
                           {"type", "home_visit"},
                           {"note", "Nobody answered."}}),
                     {{"Cookie", again.first}})
                .status,
            303);
  EXPECT_EQ(Get("/people/X123456/contacts/new", again.first).body.find("id=\"draft-kept\""),
            std::string::npos);
}

TEST_P(PagesTest, AssetsAreServedOnlyByTheirHashedNames) {
  EXPECT_EQ(Send("GET", "/assets/application.css").status, 404);  // no assets in this server
  EXPECT_EQ(Send("GET", "/assets/../../etc/passwd").status, 404);
}

PROBITY_ON_BOTH_BACKENDS(PagesTest);

}  // namespace
}  // namespace probity
