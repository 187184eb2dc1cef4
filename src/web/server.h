// The HTTP/1.1 server: accepts connections, reads requests, runs the Router on a pool of handler
// threads (handlers may block on the database), writes responses with keep-alive, logs one access
// line per request and stops gracefully. No Beast or Asio here: they stay in server.cc.
// Never interprets routes, bodies or errors beyond the transport: that is the router's job.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "web/router.h"

namespace probity::web {

struct ServerOptions {
  std::string host = "127.0.0.1";  // an address or a name; the first address it resolves to
  uint16_t port = 8080;            // 0: an ephemeral port, returned by Start()
  int threads = 4;                 // threads running handlers (they may block on the database)
  int io_threads = 1;              // threads doing network I/O only; never blocked by handlers
  size_t body_limit = 1 << 20;     // bytes; a larger body gets 413 "body_too_large"
  size_t header_limit = 16 << 10;  // bytes of request line and headers; more gets 400
  // A new connection must send its request headers, and any request its body, within this; a
  // response must be written within it too. On expiry the connection is closed.
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  // A keep-alive connection waiting for its next request is closed after this.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(60);
  // After Stop(), Run() returns by this deadline even if requests are still being handled.
  std::chrono::milliseconds shutdown_deadline = std::chrono::seconds(10);
};

class Server {
 public:
  // `router` must outlive the Server and not change once Start() is called.
  Server(const Router& router, ServerOptions options);
  ~Server();  // waits for handlers still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound port (the chosen one when options.port is 0).
  // kUnavailable "listen_failed" ("cannot listen on 127.0.0.1:8080: Address already in use")
  // when the address does not resolve or cannot be bound. Call once, before Run().
  Result<uint16_t> Start();

  // Serves on the calling thread (plus io_threads - 1 more) until Stop() has drained every
  // connection or the shutdown deadline passed. Returns at once if Start() did not succeed.
  // Call once.
  void Run();

  // Run(), and Stop() on SIGINT or SIGTERM; a second signal stops at once without draining.
  void RunUntilSignal();

  // Thread-safe, idempotent, callable before or during Run(). Stops accepting; requests being
  // read or handled finish and are answered with "Connection: close"; idle keep-alive connections
  // are closed; then Run() returns.
  void Stop();

  // The bound port; 0 before Start() succeeds.
  uint16_t port() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace probity::web
