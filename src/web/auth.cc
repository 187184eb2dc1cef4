#include "web/auth.h"

#include "access/secret.h"
#include "app/sign_in.h"
#include "web/errors.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsUnsafe(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

nlohmann::json Describe(const access::Principal& p) {
  return {{"username", p.username}, {"name", p.name},         {"role", access::ToString(p.role)},
          {"staff_id", p.staff_id}, {"team_ids", p.team_ids}, {"pdu_ids", p.pdu_ids}};
}

}  // namespace

std::optional<std::string> CookieValue(const Request& request, std::string_view name) {
  // Cookie: a=1; probity_session=xyz  (RFC 6265 section 4.2: pairs separated by "; ")
  for (const auto& [header, value] : request.headers) {
    if (!EqualsIgnoreCase(header, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      const std::string_view pair = Trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      const auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name)
        return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

Auth::Auth(store::Db& db, const Clock& clock, AuthOptions options)
    : db_(db), clock_(clock), options_(std::move(options)) {}

Result<access::Principal> Auth::Authenticate(const Request& request) const {
  if (auto header = request.Header("Authorization")) {
    const std::string_view value = *header;
    if (value.size() > 7 && EqualsIgnoreCase(value.substr(0, 7), "Bearer "))
      return app::AuthenticateToken(db_, std::string(Trim(value.substr(7))));
    return Error::Unauthenticated("bad_authorization",
                                  "use 'Authorization: Bearer <token>' with an API token");
  }
  auto cookie = CookieValue(request, kSessionCookie);
  if (!cookie || cookie->empty())
    return Error::Unauthenticated("not_signed_in",
                                  "sign in first: POST /api/v1/session, or send an API token");
  auto principal = app::AuthenticateSession(db_, *cookie, options_.session, clock_.Now());
  if (!principal) return principal;
  if (IsUnsafe(request.method)) {
    // Scripts send the header; an HTML form sends the token as a field.
    std::optional<std::string> sent;
    if (auto header = request.Header(kCsrfHeader))
      sent = std::string(*header);
    else if (auto form = ParseFormBody(request))
      sent = FormValue(*form, kCsrfField);
    if (!sent || !access::SecretsEqual(*sent, principal->csrf_token))
      return Error::Forbidden("csrf",
                              "this request is missing its CSRF token: reload the page and try "
                              "again");
  }
  return principal;
}

std::string Auth::SessionCookie(const std::string& token) const {
  std::string cookie =
      std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax";
  if (options_.secure_cookies) cookie += "; Secure";
  return cookie;
}

std::string Auth::ClearedSessionCookie() const {
  std::string cookie = std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
  if (options_.secure_cookies) cookie += "; Secure";
  return cookie;
}

void AddSessionRoutes(Router& router, const Auth& auth) {
  router.Add("POST", "/api/v1/session",
             [&auth](const Request& request) -> Result<Response> {
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto username = RequiredString(*body, "username");
               if (!username) return username.error();
               auto password = RequiredString(*body, "password");
               if (!password) return password.error();
               auto signed_in =
                   app::SignIn(auth.db(), {*username, *password, request.remote_address},
                               auth.options().throttle, auth.clock().Now());
               if (!signed_in) return signed_in.error();
               nlohmann::json out = Describe(signed_in->principal);
               out["csrf_token"] = signed_in->csrf_token;
               Response response = Response::Json(201, out);
               response.SetHeader("Set-Cookie", auth.SessionCookie(signed_in->session_token));
               return response;
             },
             {"Sign in with a username and password; sets the session cookie"});

  router.Add(
      "DELETE", "/api/v1/session",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        auto token = CookieValue(request, kSessionCookie);
        if (!who.via_session || !token)
          return Error::Invalid("no_session",
                                "there is no session to end: API tokens are "
                                "revoked with 'probity token revoke'");
        if (auto s = app::SignOut(auth.db(), who, *token, auth.clock().Now()); !s) return s.error();
        Response response = Response::Text(204, "");
        response.SetHeader("Set-Cookie", auth.ClearedSessionCookie());
        return response;
      }),
      {"Sign out: ends the session"});

  router.Add("GET", "/api/v1/me",
             auth.Guard([](const Request&, const access::Principal& who) -> Result<Response> {
               return Response::Json(200, Describe(who));
             }),
             {"The signed-in person"});
}

}  // namespace probity::web
