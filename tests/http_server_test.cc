// The server end to end: a real Server on 127.0.0.1, an ephemeral port, a test Router, and a
// Beast client, checking the transport promises of web/server.h and the system routes.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <regex>
#include <stdexcept>
#include <thread>

#include "http_client.h"
#include "web/http.h"
#include "web/router.h"
#include "web/security_headers.h"
#include "web/server.h"
#include "web/system_routes.h"

namespace probity::web {
namespace {

using namespace std::chrono_literals;
using testing::ClientResponse;
using testing::HttpClient;

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    AddSystemRoutes(router_, [this] { return database_answers_.load(); });
    // Counts only after the body parsed, so a test can tell whether the handler acted.
    router_.Add("POST", "/test/items", [this](const Request& request) -> Result<Response> {
      auto body = ParseJsonBody(request);
      if (!body) return body.error();
      ++items_written_;
      return Response::Json(201, {{"received", *body}});
    });
    router_.Add("GET", "/test/slow", [this](const Request&) {
      slow_started_.set_value();
      std::this_thread::sleep_for(slow_for_);
      return Response::Json(200, {{"slow", true}});
    });
    router_.Add("GET", "/test/throw", [](const Request&) -> Response {
      throw std::runtime_error("secret table name in exception text");
    });
    router_.Add("GET", "/test/conflict", [](const Request&) -> Result<Response> {
      return Error::Conflict("already_recorded", "the outcome is already recorded");
    });
  }

  ~ServerTest() override { StopServer(); }

  void StartServer(ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<Server>(router_, options);
    auto port = server_->Start();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    run_thread_ = std::thread([this] {
      server_->Run();
      run_returned_.set_value();
    });
  }

  // Stops the server and waits for Run() to return; false when it did not within `limit`.
  bool StopServer(std::chrono::milliseconds limit = 5s) {
    if (!server_ || !run_thread_.joinable()) return true;
    server_->Stop();
    bool returned = run_returned_.get_future().wait_for(limit) == std::future_status::ready;
    run_thread_.join();
    return returned;
  }

  Router router_;
  std::atomic<bool> database_answers_{true};
  std::atomic<int> items_written_{0};
  std::promise<void> slow_started_;
  std::chrono::milliseconds slow_for_ = 300ms;
  std::unique_ptr<Server> server_;
  std::thread run_thread_;
  std::promise<void> run_returned_;
  uint16_t port_ = 0;
};

void ExpectErrorShape(const ClientResponse& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  auto body = r.Json();
  ASSERT_TRUE(body.contains("error")) << r.body;
  EXPECT_EQ(body["error"]["code"], code) << r.body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"].contains("field"));
  EXPECT_EQ(body.size(), 1u);
}

// What AddSecurityHeaders promises, as a client receives it.
void ExpectSecurityHeaders(const ClientResponse& r) {
  EXPECT_EQ(r.Header("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.Header("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(r.Header("Permissions-Policy"), "geolocation=(), camera=(), microphone=()");
  EXPECT_EQ(r.Header("Cache-Control"), "no-store");
}

TEST_F(ServerTest, HealthzAnswersOkWithSecurityHeaders) {
  StartServer();
  auto r = HttpClient(port_).Send("GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json(), nlohmann::json({{"status", "ok"}}));
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  ExpectSecurityHeaders(r);
  EXPECT_TRUE(std::regex_match(r.Header("X-Request-Id"), std::regex("[0-9a-f]{16}")));
  EXPECT_FALSE(r.Header("Date").empty());
}

TEST_F(ServerTest, ReadyzFollowsTheDatabaseCheck) {
  StartServer();
  HttpClient client(port_);
  auto ready = client.Send("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.Json(), nlohmann::json({{"status", "ready"}}));

  database_answers_ = false;
  ExpectErrorShape(client.Send("GET", "/readyz"), 503, "database_unavailable");

  database_answers_ = true;
  EXPECT_EQ(client.Send("GET", "/readyz").status, 200);
}

TEST_F(ServerTest, ServesTheOpenApiDocument) {
  StartServer();
  auto r = HttpClient(port_).Send("GET", "/api/v1/openapi.json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  auto doc = r.Json();
  EXPECT_EQ(doc["info"]["title"], "Probity");
  EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
}

TEST_F(ServerTest, UnknownPathIsNotFound) {
  StartServer();
  auto r = HttpClient(port_).Send("GET", "/no/such/thing");
  ExpectErrorShape(r, 404, "not_found");
  ExpectSecurityHeaders(r);
}

TEST_F(ServerTest, WrongMethodIsNotAllowedWithAllow) {
  StartServer();
  auto r = HttpClient(port_).Send("POST", "/healthz", "{}", {{"Content-Type", "application/json"}});
  ExpectErrorShape(r, 405, "method_not_allowed");
  EXPECT_EQ(r.Header("Allow"), "GET, HEAD");
  ExpectSecurityHeaders(r);
}

TEST_F(ServerTest, MalformedJsonIsRejectedBeforeTheHandlerActs) {
  StartServer();
  HttpClient client(port_);
  ExpectErrorShape(
      client.Send("POST", "/test/items", "{\"name\": ", {{"Content-Type", "application/json"}}),
      400, "malformed_json");
  ExpectErrorShape(client.Send("POST", "/test/items", "{}", {{"Content-Type", "text/plain"}}), 400,
                   "malformed_json");
  EXPECT_EQ(items_written_, 0);

  auto ok = client.Send("POST", "/test/items", R"({"name":"x"})",
                        {{"Content-Type", "application/json; charset=utf-8"}});
  EXPECT_EQ(ok.status, 201);
  EXPECT_EQ(ok.Json()["received"]["name"], "x");
  EXPECT_EQ(items_written_, 1);
}

TEST_F(ServerTest, BodyOverTheLimitIsRejectedWithoutCallingTheHandler) {
  ServerOptions options;
  options.body_limit = 1024;
  StartServer(options);
  std::string big = "[\"" + std::string(2048, 'a') + "\"]";
  auto r =
      HttpClient(port_).Send("POST", "/test/items", big, {{"Content-Type", "application/json"}});
  ExpectErrorShape(r, 413, "body_too_large");
  ExpectSecurityHeaders(r);  // written by the server before any handler runs
  EXPECT_FALSE(r.keep_alive);

  // Chunked, so the size is known only while reading.
  HttpClient chunked(port_);
  std::string chunk = "[\"" + std::string(600, 'b') + "\",";
  std::string raw =
      "POST /test/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 2; ++i) raw += fmt::format("{:x}\r\n{}\r\n", chunk.size(), chunk);
  raw += "3\r\n1]]\r\n0\r\n\r\n";
  ExpectErrorShape(chunked.SendRaw(raw), 413, "body_too_large");

  auto small =
      HttpClient(port_).Send("POST", "/test/items", "[1]", {{"Content-Type", "application/json"}});
  EXPECT_EQ(small.status, 201);
  EXPECT_EQ(items_written_, 1);  // only the small one
}

TEST_F(ServerTest, ClientSendingAllOfALargeBodyStillSeesTheRefusal) {
  StartServer();  // default 1 MiB limit
  // The client writes all 8 MiB before reading: the server must read and drop the rest rather
  // than reset the connection, or the client would see a reset instead of the 413.
  std::string huge(8 << 20, 'x');
  auto r =
      HttpClient(port_).Send("POST", "/test/items", huge, {{"Content-Type", "application/json"}});
  ExpectErrorShape(r, 413, "body_too_large");
  EXPECT_EQ(items_written_, 0);
}

TEST_F(ServerTest, ExpectContinueGetsContinueThenTheResponse) {
  StartServer();
  HttpClient client(port_);
  // Headers alone first: the server must say 100 Continue before the client sends the body.
  client.Write(
      "POST /test/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  auto interim = client.SendRaw("");
  EXPECT_EQ(interim.status, 100);
  EXPECT_EQ(client.SendRaw("{}").status, 201);
}

TEST_F(ServerTest, MalformedRequestIsBadRequest) {
  StartServer();
  ExpectErrorShape(HttpClient(port_).SendRaw("NOT HTTP AT ALL\r\n\r\n"), 400, "malformed_request");
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  StartServer();
  HttpClient client(port_);
  auto first = client.Send("GET", "/healthz");
  EXPECT_EQ(first.status, 200);
  EXPECT_TRUE(first.keep_alive);
  auto second = client.Send("GET", "/readyz");  // throws if the server had closed
  EXPECT_EQ(second.status, 200);
  EXPECT_NE(first.Header("X-Request-Id"), second.Header("X-Request-Id"));
}

TEST_F(ServerTest, HeadAnswersLikeGetWithoutBody) {
  StartServer();
  HttpClient client(port_);
  auto get = client.Send("GET", "/healthz");
  auto head = client.Send("HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(get.body.size()));
  EXPECT_EQ(client.Send("GET", "/healthz").status, 200);  // the connection is still in step
}

TEST_F(ServerTest, HandlerExceptionIsInternalErrorWithoutItsText) {
  StartServer();
  auto r = HttpClient(port_).Send("GET", "/test/throw");
  ExpectErrorShape(r, 500, "internal_error");
  ExpectSecurityHeaders(r);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  EXPECT_EQ(r.Json()["error"]["message"], "internal error, request id " + r.Header("X-Request-Id"));
}

TEST_F(ServerTest, HandlerErrorIsMappedByKind) {
  StartServer();
  ExpectErrorShape(HttpClient(port_).Send("GET", "/test/conflict"), 409, "already_recorded");
}

TEST_F(ServerTest, AccessLogHasOneLineWithoutQueryOrBody) {
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(100);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", sink));
  StartServer();
  auto r = HttpClient(port_).Send("POST", "/test/items?token=hunter2", R"({"secret":"body"})",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer sesame"},
                                   {"Cookie", "session=cookie-value"}});
  EXPECT_TRUE(StopServer());
  spdlog::set_default_logger(previous);

  std::vector<std::string> access;
  for (const auto& line : sink->last_formatted())
    if (line.find("http POST") != std::string::npos) access.push_back(line);
  ASSERT_EQ(access.size(), 1u);
  const auto& line = access[0];
  EXPECT_NE(line.find("POST /test/items 201"), std::string::npos) << line;
  EXPECT_NE(line.find("id=" + r.Header("X-Request-Id")), std::string::npos) << line;
  EXPECT_NE(line.find("ms"), std::string::npos) << line;
  for (const char* secret : {"hunter2", "token", "body", "sesame", "cookie-value"})
    EXPECT_EQ(line.find(secret), std::string::npos) << secret << " in " << line;
}

TEST_F(ServerTest, StopLetsTheRequestInFlightFinish) {
  StartServer();
  HttpClient idle(port_);
  EXPECT_EQ(idle.Send("GET", "/healthz").status, 200);  // now an idle keep-alive connection

  auto slow = std::async(std::launch::async,
                         [this] { return HttpClient(port_).Send("GET", "/test/slow"); });
  slow_started_.get_future().wait();
  server_->Stop();

  auto r = slow.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["slow"], true);
  EXPECT_FALSE(r.keep_alive);  // Connection: close
  EXPECT_TRUE(idle.ClosedByServer());
  EXPECT_TRUE(StopServer(2s));  // Run returned well before the 10 s deadline
  EXPECT_THROW(HttpClient{port_}, std::runtime_error);  // no longer accepting
}

TEST_F(ServerTest, SigtermStopsRunUntilSignal) {
  server_ = std::make_unique<Server>(router_, ServerOptions{.host = "127.0.0.1", .port = 0});
  auto port = server_->Start();
  ASSERT_TRUE(port);
  std::promise<void> returned;
  std::thread runner([&] {
    server_->RunUntilSignal();
    returned.set_value();
  });
  // A response proves Run() is serving, so the SIGTERM handler is installed before we raise it.
  EXPECT_EQ(HttpClient(*port).Send("GET", "/healthz").status, 200);
  std::raise(SIGTERM);
  EXPECT_EQ(returned.get_future().wait_for(5s), std::future_status::ready);
  runner.join();
}

TEST_F(ServerTest, StopBeforeRunReturnsAtOnce) {
  server_ = std::make_unique<Server>(router_, ServerOptions{.host = "127.0.0.1", .port = 0});
  ASSERT_TRUE(server_->Start());
  server_->Stop();
  auto start = std::chrono::steady_clock::now();
  server_->Run();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST_F(ServerTest, ShutdownDeadlineBoundsASlowHandler) {
  ServerOptions options;
  options.shutdown_deadline = 50ms;
  slow_for_ = 2s;
  StartServer(options);
  auto slow = std::async(std::launch::async, [this] {
    try {
      return HttpClient(port_).Send("GET", "/test/slow").status;
    } catch (const std::runtime_error&) {
      return 0;  // closed at the deadline
    }
  });
  slow_started_.get_future().wait();
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(StopServer());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);  // long before the handler ends
  EXPECT_EQ(slow.get(), 0);
}

TEST_F(ServerTest, StartReportsAnAddressInUse) {
  StartServer();
  Server second(router_, ServerOptions{.host = "127.0.0.1", .port = port_});
  auto result = second.Start();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(result.error().message.find("cannot listen on 127.0.0.1:" + std::to_string(port_)),
            std::string::npos)
      << result.error().message;
}

}  // namespace
}  // namespace probity::web
