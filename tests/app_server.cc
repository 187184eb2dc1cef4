#include "app_server.h"

#include "app/accounts.h"
#include "app/seed_demo.h"
#include "core/uk_time.h"
#include "web/routes.h"

namespace probity::testing {

void AppServerTest::SetUp() {
  DbTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  db_ = OpenMigrated(4);
  ASSERT_TRUE(app::SeedDemo(*db_, kDemoPassword, clock_.Now()));
  auth_ = std::make_unique<web::Auth>(*db_, clock_, web::AuthOptions{});
  web::AddApplicationRoutes(router_, *db_, *auth_);
  web::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  server_ = std::make_unique<web::Server>(router_, options);
  auto port = server_->Start();
  ASSERT_TRUE(port) << port.error().message;
  port_ = *port;
  runner_ = std::thread([this] { server_->Run(); });
}

void AppServerTest::TearDown() {
  if (server_) {
    server_->Stop();
    if (runner_.joinable()) runner_.join();
  }
  DbTest::TearDown();
}

ClientResponse AppServerTest::Send(const std::string& method, const std::string& target,
                                   const std::string& body, Headers headers) {
  HttpClient client(port_);
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return client.Send(method, target, body, headers);
}

ClientResponse AppServerTest::As(const std::string& username, const std::string& method,
                                 const std::string& target, const nlohmann::json& body) {
  auto& token = tokens_[username];
  if (token.empty()) {
    auto created = app::CreateToken(*db_, {"system:test", std::nullopt}, username, clock_.Now());
    EXPECT_TRUE(created) << username;
    if (created) token = created->secret;
  }
  return Send(method, target, body.is_null() ? std::string() : body.dump(),
              {{"Authorization", "Bearer " + token}});
}

std::pair<std::string, std::string> AppServerTest::SignIn(const std::string& username) {
  const auto r = Send("POST", "/api/v1/session",
                      nlohmann::json{{"username", username}, {"password", kDemoPassword}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  const std::string set_cookie = r.Header("Set-Cookie");
  return {set_cookie.substr(0, set_cookie.find(';')), r.Json().value("csrf_token", "")};
}

void AppServerTest::AddDale(const std::string& crn) {
  const auto r = As("demo.po1", "POST", "/api/v1/people",
                    {{"crn", crn},
                     {"first_name", "Dale"},
                     {"last_name", "Robson"},
                     {"date_of_birth", "1988-02-14"},
                     {"gender", "male"},
                     {"team_code", "NE-TYN-A"}});
  ASSERT_EQ(r.status, 201) << r.body;
}

int64_t AppServerTest::RecordFailure(const std::string& crn, int64_t sentence,
                                     const std::string& uk_time, const std::string& judgement) {
  const auto starts = ParseUkLocalTime(uk_time, "starts_at");
  EXPECT_TRUE(starts) << uk_time;
  if (!starts) return 0;
  const std::string person = "/api/v1/people/" + crn;
  clock_.Set(*starts - std::chrono::hours{24});
  const auto booked = As("demo.po1", "POST", person + "/appointments",
                         {{"type", "supervision"},
                          {"starts_at", uk_time},
                          {"duration_minutes", 30},
                          {"office", "NE-WALL"},
                          {"sentence_id", sentence}});
  EXPECT_EQ(booked.status, 201) << booked.body;
  if (booked.status != 201) return 0;
  const int64_t id = nlohmann::json::parse(booked.body)["id"].get<int64_t>();
  clock_.Set(*starts + std::chrono::hours{1});
  nlohmann::json outcome = {{"version", 1},
                            {"outcome", "failed_to_attend"},
                            {"judgement", judgement},
                            {"note", "Did not attend; no contact"}};
  if (judgement == "acceptable") outcome["judgement_reason"] = "illness";
  const auto recorded =
      As("demo.po1", "POST", person + "/appointments/" + std::to_string(id) + "/outcome", outcome);
  EXPECT_EQ(recorded.status, 200) << recorded.body;
  return id;
}

void AppServerTest::AddAccount(const std::string& username, access::Role role,
                               std::vector<std::string> teams) {
  access::Staff staff;
  staff.name = "Extra " + username;
  staff.grade = access::Grade::kAdministrative;
  staff.team_codes = std::move(teams);
  ASSERT_TRUE(app::AddUser(*db_, {"system:test", std::nullopt},
                           {username, staff, role, kDemoPassword}, clock_.Now()));
}

}  // namespace probity::testing
