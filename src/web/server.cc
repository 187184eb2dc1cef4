#include "web/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <csignal>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "web/errors.h"
#include "web/http.h"
#include "web/security_headers.h"

namespace probity::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;

namespace {

class Session;

// An RFC 9110 IMF-fixdate for the Date header: "Mon, 23 Nov 2026 09:15:02 GMT".
std::string HttpDate() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// Request text for the log: the path only (a query string may hold secrets), a calendar feed's
// secret blanked out, control bytes replaced so one request is always one line.
std::string LoggablePath(std::string_view target) {
  std::string path(target.substr(0, target.find('?')));
  if (constexpr std::string_view feeds = "/calendar/feeds/"; path.starts_with(feeds))
    path = std::string(feeds) + "(secret)";
  for (auto& c : path)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return path.empty() ? "-" : path;
}

bool IsToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

bool IsSafeValue(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n' || c == 0; });
}

// A malformed request, as opposed to the peer going away or a timeout.
bool IsParseError(const error_code& ec) {
  return ec.category() == make_error_code(http::error::bad_target).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

}  // namespace

struct Server::Impl {
  Impl(const Router& r, ServerOptions o) : router(r), options(std::move(o)) {}
  ~Impl();

  void Accept();
  bool Register(const std::shared_ptr<Session>& session);
  void Forget(Session* session);
  void BeginShutdown();  // on `control`
  void Finish();         // on `control`
  void WaitForSignal();  // on `control`
  void RunIo();

  const Router& router;
  const ServerOptions options;

  // Declared before the io_context: sessions destroyed with it still reach these.
  std::mutex mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;  // guarded by mu
  bool stopping = false;                                          // guarded by mu
  bool finished = false;                                          // guarded by mu

  asio::io_context io;
  asio::strand<asio::io_context::executor_type> control = asio::make_strand(io);
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  tcp::acceptor acceptor{control};
  asio::steady_timer accept_retry{control};
  asio::steady_timer deadline{control};
  asio::signal_set signals{control};
  uint16_t port = 0;
  // Declared last so it is joined first, while everything its handlers touch still exists.
  asio::thread_pool workers{static_cast<size_t>(std::max(1, options.threads))};
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server::Impl& server, tcp::socket socket)
      : server_(server), options_(server.options), stream_(std::move(socket)) {
    error_code ec;
    auto peer = stream_.socket().remote_endpoint(ec);
    remote_address_ = ec ? "-" : peer.address().to_string();
  }
  ~Session() { server_.Forget(this); }

  void Start() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

  // Called from any thread: finish the request in hand with Connection: close, or close now if
  // there is none.
  void NotifyShutdown() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->close_after_ = true;
      if (self->state_ == State::kIdle || self->state_ == State::kDraining) self->Close();
    });
  }

  // Called from any thread at the shutdown deadline: close now, whatever is in hand.
  void Abort() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
  }

 private:
  enum class State { kIdle, kBusy, kDraining, kClosed };

  void ReadHeader() {
    if (close_after_) return Close();
    state_ = State::kIdle;
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(options_.header_limit));
    parser_->body_limit(options_.body_limit);
    stream_.expires_after(first_ ? options_.read_timeout : options_.idle_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(error_code ec, size_t) {
    if (state_ == State::kClosed) return;
    first_ = false;
    state_ = State::kBusy;
    BeginRequest();
    if (ec == http::error::body_limit) return RejectTooLarge();
    if (IsParseError(ec)) return RejectMalformed(ec);
    if (ec) return Close();  // end of stream, timeout, reset, or closed by NotifyShutdown
    const auto& header = parser_->get();
    auto expect = header[http::field::expect];
    if (EqualsIgnoreCase(Sv(expect), "100-continue") && !parser_->is_done()) {
      continue_ = {http::status::continue_, header.version()};
      stream_.expires_after(options_.read_timeout);
      return http::async_write(stream_, continue_,
                               [self = shared_from_this()](error_code e, size_t) {
                                 if (e || self->state_ == State::kClosed) return self->Close();
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  // Notes what the log needs as soon as anything of a request is known.
  void BeginRequest() {
    started_ = std::chrono::steady_clock::now();
    request_id_ = NewRequestId();
    const auto& header = parser_->get();
    method_ = header.method_string().empty() ? "-" : std::string(header.method_string());
    path_ = LoggablePath(Sv(header.target()));
  }

  void ReadBody() {
    if (parser_->is_done()) return Handle();
    stream_.expires_after(options_.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(error_code ec, size_t) {
    if (state_ == State::kClosed) return;
    if (ec == http::error::body_limit) return RejectTooLarge();
    if (IsParseError(ec)) return RejectMalformed(ec);
    if (ec) return Close();
    Handle();
  }

  void RejectTooLarge() {
    Write(
        ErrorResponse(Error::TooLarge("body_too_large",
                                      fmt::format("the request body is over the limit of {} bytes",
                                                  options_.body_limit)),
                      request_id_),
        /*unread_input=*/true);
  }

  void RejectMalformed(const error_code& ec) {
    Write(ErrorResponse(Error::Invalid("malformed_request",
                                       "the request is not valid HTTP/1.1: " + ec.message()),
                        request_id_),
          /*unread_input=*/true);
  }

  // Runs the router on a handler thread, then writes its response back on this connection.
  void Handle() {
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    head_ = message.method() == http::verb::head;
    auto request = std::make_shared<Request>();
    request->method = method_;
    request->request_id = request_id_;
    request->remote_address = remote_address_;
    if (auto target = SetTarget(*request, Sv(message.target())); !target) {
      return Write(ErrorResponse(target.error(), request_id_), false);
    }
    for (const auto& field : message)
      request->headers.emplace_back(Sv(field.name_string()), Sv(field.value()));
    request->body = std::move(message.body());
    stream_.expires_never();
    asio::post(server_.workers, [self = shared_from_this(), request] {
      std::optional<Response> response;
      try {
        response = self->server_.router.Dispatch(*request);
      } catch (const std::exception& e) {  // Dispatch catches; only allocation can get here
        response = ExceptionResponse(e.what(), request->request_id);
      }
      asio::post(self->stream_.get_executor(), [self, response = std::move(*response)]() mutable {
        self->Write(std::move(response), false);
      });
    });
  }

  // Writes `response`. With `unread_input` the request was not read to its end, so the
  // connection closes afterwards, reading and dropping what the client still sends so that it
  // sees the response rather than a reset.
  void Write(Response response, bool unread_input) {
    if (state_ == State::kClosed) return;
    if (response.status < 200 || response.status > 599) {
      response = ExceptionResponse(fmt::format("handler returned status {}", response.status),
                                   request_id_);
    }
    AddSecurityHeaders(response);
    linger_ = unread_input;
    bool keep_alive = keep_alive_ && !unread_input && !close_after_;
    response_ = {};
    response_.version(version_);
    response_.result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers) {
      if (!IsToken(name) || !IsSafeValue(value)) {
        spdlog::error("request id {}: dropped an unsafe response header", request_id_);
        continue;
      }
      if (EqualsIgnoreCase(name, "Content-Length") || EqualsIgnoreCase(name, "Transfer-Encoding") ||
          EqualsIgnoreCase(name, "Connection"))
        continue;  // the server frames the message
      response_.insert(name, value);
    }
    response_.set(http::field::date, HttpDate());
    response_.set("X-Request-Id", request_id_);
    int status = response.status;
    if (status == 204 || status == 304) response.body.clear();
    response_.body() = std::move(response.body);
    response_.prepare_payload();
    if (head_) response_.body().clear();  // Content-Length still gives the GET length
    response_.keep_alive(keep_alive);
    state_ = State::kBusy;
    stream_.expires_after(options_.read_timeout);
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(error_code ec, size_t) {
    auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_);
    spdlog::info("http {} {} {} {:.1f}ms id={}{}", method_, path_, response_.result_int(),
                 ms.count(), request_id_, ec ? " (write failed: " + ec.message() + ")" : "");
    head_ = false;
    if (ec || state_ == State::kClosed) return Close();
    if (linger_) return Linger();
    if (!response_.keep_alive()) return Close();
    ReadHeader();
  }

  // Half-closes, then reads and drops input for at most 5 s (the timer is not reset per read)
  // until the client closes, so it reads the response instead of a reset.
  void Linger() {
    state_ = State::kDraining;
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(
        std::min<std::chrono::milliseconds>(options_.read_timeout, std::chrono::seconds(5)));
    DrainMore();
  }

  void DrainMore() {
    stream_.async_read_some(asio::buffer(drain_),
                            [self = shared_from_this()](error_code ec, size_t) {
                              if (ec || self->state_ != State::kDraining) return self->Close();
                              self->DrainMore();
                            });
  }

  void Close() {
    state_ = State::kClosed;
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  Server::Impl& server_;
  const ServerOptions& options_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::empty_body> continue_;
  http::response<http::string_body> response_;
  std::string remote_address_;
  State state_ = State::kIdle;
  bool first_ = true;         // no request read yet: the header read gets read_timeout
  bool close_after_ = false;  // the server is stopping
  bool linger_ = false;
  std::array<char, 8192> drain_{};
  // The request in hand.
  std::chrono::steady_clock::time_point started_;
  std::string request_id_;
  std::string method_ = "-";
  std::string path_ = "-";
  bool keep_alive_ = false;
  unsigned version_ = 11;
  bool head_ = false;
};

}  // namespace

Server::Impl::~Impl() {
  std::lock_guard lock(mu);
  finished = true;  // sessions destroyed from here on must not post to the io_context
}

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;  // stopping
    if (ec) {
      // Out of descriptors or memory, or the peer gave up: try again shortly, do not spin.
      spdlog::warn("accept failed: {}", ec.message());
      accept_retry.expires_after(std::chrono::milliseconds(100));
      accept_retry.async_wait([this](error_code e) {
        if (!e) Accept();
      });
      return;
    }
    auto session = std::make_shared<Session>(*this, std::move(socket));
    if (Register(session)) session->Start();
    Accept();
  });
}

bool Server::Impl::Register(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mu);
  if (stopping) return false;
  sessions.emplace(session.get(), session);
  return true;
}

void Server::Impl::Forget(Session* session) {
  std::lock_guard lock(mu);
  sessions.erase(session);
  if (stopping && !finished && sessions.empty()) asio::post(control, [this] { Finish(); });
}

void Server::Impl::BeginShutdown() {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mu);
    if (stopping) return;
    stopping = true;
    for (auto& [raw, weak] : sessions)
      if (auto session = weak.lock()) live.push_back(std::move(session));
  }
  spdlog::info("stopping: finishing {} open connection(s)", live.size());
  error_code ignored;
  acceptor.close(ignored);
  accept_retry.cancel();
  deadline.expires_after(options.shutdown_deadline);
  deadline.async_wait([this](error_code ec) {
    if (ec) return;
    std::vector<std::shared_ptr<Session>> left;
    {
      std::lock_guard lock(mu);
      for (auto& [raw, weak] : sessions)
        if (auto session = weak.lock()) left.push_back(std::move(session));
    }
    spdlog::warn("stopping: {} connection(s) still open after {} ms; closing them", left.size(),
                 options.shutdown_deadline.count());
    for (auto& session : left) session->Abort();
    left.clear();
    asio::post(control, [this] { Finish(); });  // after the closes queued above, where it can
  });
  for (auto& session : live) session->NotifyShutdown();
  live.clear();  // a session that ends now posts Finish from Forget
  std::lock_guard lock(mu);
  if (sessions.empty()) asio::post(control, [this] { Finish(); });
}

void Server::Impl::Finish() {
  {
    std::lock_guard lock(mu);
    if (finished) return;
    finished = true;
  }
  deadline.cancel();
  signals.cancel();
  work.reset();
  io.stop();
}

void Server::Impl::WaitForSignal() {
  signals.async_wait([this](error_code ec, int signal) {
    if (ec) return;
    bool again;
    {
      std::lock_guard lock(mu);
      again = stopping;
    }
    if (again) {
      spdlog::warn("signal {} while stopping: stopping now", signal);
      return Finish();
    }
    spdlog::info("signal {}: stopping", signal);
    BeginShutdown();
    WaitForSignal();
  });
}

void Server::Impl::RunIo() {
  while (true) {
    try {
      io.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("uncaught exception on an I/O thread: {}", e.what());
    }
  }
}

Server::Server(const Router& router, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}

Server::~Server() = default;

Result<uint16_t> Server::Start() {
  auto& s = *impl_;
  const auto where = fmt::format("{}:{}", s.options.host, s.options.port);
  auto fail = [&](const std::string& why) -> Result<uint16_t> {
    return Error::Unavailable("listen_failed", "cannot listen on " + where + ": " + why);
  };
  error_code ec;
  tcp::resolver resolver(s.io);
  auto found = resolver.resolve(s.options.host, std::to_string(s.options.port),
                                tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) return fail(ec.message());
  if (found.empty()) return fail("the host has no address");
  auto endpoint = found.begin()->endpoint();
  s.acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail(ec.message());
  s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error_code ignored;
    s.acceptor.close(ignored);
    return fail(ec.message());
  }
  s.port = s.acceptor.local_endpoint().port();
  s.work.emplace(s.io.get_executor());
  asio::dispatch(s.control, [&s] { s.Accept(); });
  spdlog::info("listening on {}", fmt::format("{}:{}", endpoint.address().to_string(), s.port));
  return s.port;
}

void Server::Run() {
  auto& s = *impl_;
  std::vector<std::thread> extra;
  for (int i = 1; i < s.options.io_threads; ++i) extra.emplace_back([&s] { s.RunIo(); });
  s.RunIo();
  for (auto& t : extra) t.join();
}

void Server::RunUntilSignal() {
  auto& s = *impl_;
  s.signals.add(SIGINT);
  s.signals.add(SIGTERM);
  asio::dispatch(s.control, [&s] { s.WaitForSignal(); });
  Run();
}

void Server::Stop() {
  asio::post(impl_->control, [s = impl_.get()] { s->BeginShutdown(); });
}

uint16_t Server::port() const { return impl_->port; }

}  // namespace probity::web
