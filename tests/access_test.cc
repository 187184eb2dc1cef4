// Accounts, sign-in, sessions and tokens through the use cases, on both backends.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "access/store.h"
#include "app/accounts.h"
#include "app/organisation.h"
#include "app/seed_demo.h"
#include "app/sign_in.h"
#include "db_fixture.h"
#include "store/event_log.h"

namespace probity {
namespace {

using namespace std::chrono_literals;
using testing::DbTest;

const store::Actor kAdmin{"system:test", std::nullopt};
const UtcTime kNow = ParseUtc("2026-11-23T09:00:00.000000Z").value();
const std::string kPassword = "correct horse battery staple";

class AccessTest : public DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = OpenMigrated();
    ASSERT_TRUE(app::CreateRegion(*db_, kAdmin, {0, "NE", "North East", 1}, kNow));
    ASSERT_TRUE(app::CreatePdu(*db_, kAdmin, {0, "NE-TYN", "North Tyneside", "NE", 1}, kNow));
    ASSERT_TRUE(app::CreateTeam(*db_, kAdmin, {0, "NE-TYN-A", "Team A", "NE-TYN", 1}, kNow));
  }

  app::NewUser User(const std::string& username, access::Role role = access::Role::kPractitioner) {
    access::Staff staff;
    staff.name = "Pat Example";
    staff.grade = access::Grade::kPo;
    staff.team_codes = {"NE-TYN-A"};
    return {username, staff, role, kPassword};
  }

  app::SignInInput Attempt(const std::string& username, const std::string& password,
                           const std::string& address = "192.0.2.1") {
    return {username, password, address};
  }

  std::unique_ptr<store::Db> db_;
  access::ThrottlePolicy throttle_;
  access::SessionPolicy sessions_;
};

TEST_P(AccessTest, StoresOnlyAnArgon2idHashAndEventsTheNewUser) {
  auto added = app::AddUser(*db_, kAdmin, User("pat.example"), kNow);
  ASSERT_TRUE(added) << added.error().message;
  auto tx = db_->BeginRead();
  auto account = access::FindAccount(tx, "pat.example");
  ASSERT_TRUE(account);
  EXPECT_EQ(account->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(account->password_hash.find(kPassword), std::string::npos);
  const auto events = store::EventsForSubject(tx, "account:pat.example");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "account.created");
  EXPECT_EQ(events[0].payload.find("argon2"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(events[0].payload)["role"], "practitioner");
}

TEST_P(AccessTest, RefusesBadUsersAndWritesNothing) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  auto taken = app::AddUser(*db_, kAdmin, User("pat.example"), kNow);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().kind, ErrorKind::kConflict);

  auto weak = User("weak.password");
  weak.password = "short";
  EXPECT_EQ(app::AddUser(*db_, kAdmin, weak, kNow).error().field, "password");

  auto bad_name = User("Not A Username");
  EXPECT_EQ(app::AddUser(*db_, kAdmin, bad_name, kNow).error().field, "username");

  auto lost = User("lost.team");
  lost.staff.team_codes = {"NOWHERE"};
  auto missing = app::AddUser(*db_, kAdmin, lost, kNow);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);

  auto tx = db_->BeginRead();
  long long accounts = 0, staff = 0;
  tx.sql() << "SELECT COUNT(*) FROM account", soci::into(accounts);
  tx.sql() << "SELECT COUNT(*) FROM staff", soci::into(staff);
  EXPECT_EQ(accounts, 1);
  EXPECT_EQ(staff, 1);
}

TEST_P(AccessTest, SignsInWithTeamAndPduScope) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  auto in = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow);
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->principal.username, "pat.example");
  EXPECT_EQ(in->principal.team_ids.size(), 1u);
  EXPECT_EQ(in->principal.pdu_ids.size(), 1u);
  EXPECT_FALSE(in->session_token.empty());
  EXPECT_NE(in->session_token, in->csrf_token);
  auto again = app::AuthenticateSession(*db_, in->session_token, sessions_, kNow + 5min);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->account_id, in->principal.account_id);
  EXPECT_EQ(again->csrf_token, in->csrf_token);
}

TEST_P(AccessTest, UnknownUserAndWrongPasswordGetTheSameAnswer) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  auto wrong =
      app::SignIn(*db_, Attempt("pat.example", "not the password at all"), throttle_, kNow);
  auto unknown = app::SignIn(*db_, Attempt("nobody.here", kPassword), throttle_, kNow);
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().kind, ErrorKind::kUnauthenticated);
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_P(AccessTest, ThrottlesAnAccountAfterRepeatedFailures) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  for (int i = 0; i < throttle_.account_limit; ++i)
    EXPECT_EQ(app::SignIn(*db_, Attempt("pat.example", "guess number " + std::to_string(i)),
                          throttle_, kNow + std::chrono::seconds(i))
                  .error()
                  .kind,
              ErrorKind::kUnauthenticated);
  // Even the right password is refused while throttled, so guessing gains nothing.
  auto refused = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow + 1min);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kRateLimited);
  EXPECT_FALSE(refused.error().message.empty());
  // After the window the account may try again.
  EXPECT_TRUE(app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_,
                          kNow + throttle_.window + 1min));
}

TEST_P(AccessTest, ThrottlesAnAddressTryingManyAccounts) {
  for (int i = 0; i < throttle_.address_limit; ++i)
    (void)app::SignIn(*db_, Attempt("user" + std::to_string(i), kPassword, "198.51.100.7"),
                      throttle_, kNow);
  auto refused =
      app::SignIn(*db_, Attempt("someone.else", kPassword, "198.51.100.7"), throttle_, kNow + 1s);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kRateLimited);
}

TEST_P(AccessTest, AHugeUsernameIsRefusedAndStoredOnlyClipped) {
  const std::string huge(100000, 'x');
  auto r = app::SignIn(*db_, Attempt(huge, kPassword), throttle_, kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "bad_credentials");
  auto tx = db_->BeginRead();
  long long longest = 0;
  tx.sql() << "SELECT MAX(LENGTH(username)) FROM sign_in_failure", soci::into(longest);
  EXPECT_EQ(longest, 64);
}

TEST_P(AccessTest, SignedOutIdleAndOldSessionsAreRefused) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  auto a = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow);
  ASSERT_TRUE(a);
  EXPECT_FALSE(
      app::AuthenticateSession(*db_, a->session_token, sessions_, kNow + sessions_.idle + 1s));
  auto b = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow);
  ASSERT_TRUE(b);
  ASSERT_TRUE(app::SignOut(*db_, b->principal, b->session_token, kNow + 1min));
  auto out = app::AuthenticateSession(*db_, b->session_token, sessions_, kNow + 2min);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().kind, ErrorKind::kUnauthenticated);
  // Activity keeps a session alive only until its absolute limit.
  auto c = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow);
  ASSERT_TRUE(c);
  UtcTime t = kNow;
  while (t < kNow + sessions_.absolute - 20min) {
    t += 20min;
    ASSERT_TRUE(app::AuthenticateSession(*db_, c->session_token, sessions_, t));
  }
  EXPECT_FALSE(
      app::AuthenticateSession(*db_, c->session_token, sessions_, kNow + sessions_.absolute));
  EXPECT_FALSE(app::AuthenticateSession(*db_, "not-a-session", sessions_, kNow));
}

TEST_P(AccessTest, TokensWorkUntilRevoked) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  auto token = app::CreateToken(*db_, kAdmin, "pat.example", kNow);
  ASSERT_TRUE(token);
  auto who = app::AuthenticateToken(*db_, token->secret);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->username, "pat.example");
  EXPECT_FALSE(who->via_session);
  {
    auto tx = db_->BeginRead();
    long long stored = 0;
    tx.sql() << "SELECT COUNT(*) FROM api_token WHERE token_hash = :t", soci::use(token->secret),
        soci::into(stored);
    EXPECT_EQ(stored, 0) << "the token itself must never be stored";
  }
  ASSERT_TRUE(app::RevokeToken(*db_, kAdmin, token->id, kNow));
  EXPECT_FALSE(app::AuthenticateToken(*db_, token->secret));
  EXPECT_EQ(app::RevokeToken(*db_, kAdmin, token->id, kNow).error().kind, ErrorKind::kNotFound);
}

TEST_P(AccessTest, DisablingAUserEndsEverything) {
  ASSERT_TRUE(app::AddUser(*db_, kAdmin, User("pat.example"), kNow));
  auto session = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow);
  auto token = app::CreateToken(*db_, kAdmin, "pat.example", kNow);
  ASSERT_TRUE(session);
  ASSERT_TRUE(token);
  ASSERT_TRUE(app::DisableUser(*db_, kAdmin, "pat.example", kNow + 1min));
  EXPECT_FALSE(app::AuthenticateSession(*db_, session->session_token, sessions_, kNow + 2min));
  EXPECT_FALSE(app::AuthenticateToken(*db_, token->secret));
  auto again = app::SignIn(*db_, Attempt("pat.example", kPassword), throttle_, kNow + 3min);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "bad_credentials");
  EXPECT_EQ(app::CreateToken(*db_, kAdmin, "pat.example", kNow).error().kind,
            ErrorKind::kForbidden);
}

TEST_P(AccessTest, SeedDemoLeavesAnExistingOrganisationAlone) {
  auto seeded = app::SeedDemo(*db_, kPassword, kNow);
  ASSERT_TRUE(seeded);
  EXPECT_TRUE(seeded->already_seeded);
  auto tx = db_->BeginRead();
  EXPECT_FALSE(access::FindAccount(tx, "demo.po1"));
}

PROBITY_ON_BOTH_BACKENDS(AccessTest);

class DemoAccountsTest : public DbTest {};

TEST_P(DemoAccountsTest, EveryDemoAccountSignsInWithTheDemoPassword) {
  auto db = OpenMigrated();
  auto seeded = app::SeedDemo(*db, kPassword, kNow);
  ASSERT_TRUE(seeded) << seeded.error().message;
  EXPECT_TRUE(seeded->generated_password.empty());
  for (const char* name :
       {"demo.po1", "demo.po2", "demo.spo1", "demo.manager1", "demo.enforcement", "demo.admin"}) {
    SCOPED_TRACE(name);
    auto in = app::SignIn(*db, {name, kPassword, "127.0.0.1"}, access::ThrottlePolicy{}, kNow);
    ASSERT_TRUE(in) << in.error().message;
  }
  EXPECT_TRUE(store::VerifyChain(*db).intact);
}

TEST_P(DemoAccountsTest, WithoutAPasswordOneIsGeneratedAndWorks) {
  auto db = OpenMigrated();
  auto seeded = app::SeedDemo(*db, "", kNow);
  ASSERT_TRUE(seeded);
  ASSERT_GE(seeded->generated_password.size(), 12u);
  EXPECT_TRUE(app::SignIn(*db, {"demo.po1", seeded->generated_password, "127.0.0.1"},
                          access::ThrottlePolicy{}, kNow));
}

TEST_P(DemoAccountsTest, AWeakDemoPasswordIsRefusedBeforeAnythingIsWritten) {
  auto db = OpenMigrated();
  auto seeded = app::SeedDemo(*db, "password", kNow);
  ASSERT_FALSE(seeded);
  EXPECT_EQ(seeded.error().field, "demo-password");
  EXPECT_EQ(store::VerifyChain(*db).count, 0);
}

PROBITY_ON_BOTH_BACKENDS(DemoAccountsTest);

}  // namespace
}  // namespace probity
