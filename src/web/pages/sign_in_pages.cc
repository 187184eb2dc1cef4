#include "web/pages/sign_in_pages.h"

#include "access/secret.h"
#include "app/sign_in.h"
#include "web/pages/proceedings_pages.h"

namespace probity::web::pages {

namespace {

constexpr std::string_view kSignInCookie = "probity_sign_in";

std::string SignInCookie(const Site& site, const std::string& token) {
  std::string cookie =
      std::string(kSignInCookie) + "=" + token + "; Path=/sign-in; HttpOnly; SameSite=Strict";
  if (site.auth.options().secure_cookies) cookie += "; Secure";
  return cookie;
}

struct SignInForm {
  std::string username;
  std::string next;
  std::string username_error;
  std::string password_error;
  std::string form_error;  // for the summary only: wrong credentials, throttled
};

// The sign-in page, with a fresh form token in a cookie and the form.
Response SignInPage(const Site& site, int status, const SignInForm& form, nlohmann::json extra) {
  const std::string token = access::NewSecret();
  nlohmann::json data = std::move(extra);
  data["csrf_token"] = token;
  data["next"] = form.next;
  data["username"] = form.username;
  nlohmann::json errors = nlohmann::json::array();
  if (!form.username_error.empty()) {
    data["username_error"] = form.username_error;
    errors.push_back({{"field", "username"}, {"message", form.username_error}});
  }
  if (!form.password_error.empty()) {
    data["password_error"] = form.password_error;
    errors.push_back({{"field", "password"}, {"message", form.password_error}});
  }
  if (!form.form_error.empty())
    errors.push_back({{"field", "username"}, {"message", form.form_error}});
  data["errors"] = std::move(errors);
  Response response = Page(site, nullptr, status, "Sign in", "sign_in", std::move(data));
  response.SetHeader("Set-Cookie", SignInCookie(site, token));
  return response;
}

}  // namespace

void AddSignInPages(Router& router, const Site& site) {
  router.Add("GET", "/",
             [site](const Request& request) -> Response {
               auto who = site.auth.Authenticate(request);
               return SeeOther(who ? HomeOf(who->role) : "/sign-in");
             },
             {"Home: the caseload when signed in (the recall team: its recall requests), else the "
              "sign-in page"});

  router.Add("GET", "/sign-in",
             [site](const Request& request) -> Response {
               SignInForm form;
               form.next = SafeNext(request.Query("next").value_or("/caseload"));
               if (site.auth.Authenticate(request)) return SeeOther(form.next);
               nlohmann::json extra = nlohmann::json::object();
               if (request.Query("signed_out")) extra["signed_out"] = true;
               if (request.Query("draft_kept")) extra["draft_kept"] = true;
               return SignInPage(site, 200, form, std::move(extra));
             },
             {"The sign-in page"});

  router.Add("POST", "/sign-in",
             [site](const Request& request) -> Response {
               auto fields = ParseFormBody(request);
               if (!fields) return ErrorPage(site, nullptr, fields.error(), request.request_id);
               SignInForm form;
               form.username = FormValue(*fields, "username");
               form.next = SafeNext(FormValue(*fields, "next"));
               const std::string password = FormValue(*fields, "password");
               const auto cookie = CookieValue(request, kSignInCookie);
               const std::string sent = FormValue(*fields, "csrf_token");
               if (!cookie || sent.empty() || !access::SecretsEqual(*cookie, sent)) {
                 form.form_error = "The sign-in page had expired. Enter your details again.";
                 return SignInPage(site, 400, form, nlohmann::json::object());
               }
               if (form.username.empty()) form.username_error = "Enter your username";
               if (password.empty()) form.password_error = "Enter your password";
               if (!form.username_error.empty() || !form.password_error.empty())
                 return SignInPage(site, 400, form, nlohmann::json::object());
               auto signed_in =
                   app::SignIn(site.auth.db(), {form.username, password, request.remote_address},
                               site.auth.options().throttle, site.auth.clock().Now());
               if (!signed_in) {
                 const bool throttled = signed_in.error().kind == ErrorKind::kRateLimited;
                 form.form_error = throttled ? signed_in.error().message
                                             : "The username or password is not right";
                 return SignInPage(site, throttled ? 429 : 401, form, nlohmann::json::object());
               }
               // Sent to sign in without a page in mind: the caseload, or the recall team's list.
               const bool home = FormValue(*fields, "next").empty() || form.next == "/caseload";
               Response response = SeeOther(home ? HomeOf(signed_in->principal.role) : form.next);
               response.headers.emplace_back("Set-Cookie",
                                             site.auth.SessionCookie(signed_in->session_token));
               response.headers.emplace_back("Set-Cookie", SignInCookie(site, "") + "; Max-Age=0");
               return response;
             },
             {"Sign in with the form; on success goes to the page asked for"});

  router.Add(
      "POST", "/sign-out",
      SignedIn(site,
               [site](const Request& request, const access::Principal& who) -> Result<Response> {
                 if (auto token = CookieValue(request, kSessionCookie); token && who.via_session)
                   if (auto s = app::SignOut(site.auth.db(), who, *token, site.auth.clock().Now());
                       !s)
                     return s.error();
                 Response response = SeeOther("/sign-in?signed_out=1");
                 response.SetHeader("Set-Cookie", site.auth.ClearedSessionCookie());
                 return response;
               }),
      {"Sign out and go to the sign-in page"});
}

}  // namespace probity::web::pages
