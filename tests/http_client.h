// A blocking HTTP/1.1 test client: one TCP connection to 127.0.0.1, several requests in turn, so
// tests can check keep-alive, shutdown and malformed input. Beast stays in http_client.cc.
// Never reconnects on its own: a closed connection is something tests want to see.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace probity::testing {

struct ClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keep_alive = false;  // the server will keep the connection open

  // The first header of that name (any case); "" when absent.
  std::string Header(std::string_view name) const;
  // The body parsed as JSON; throws when it is not.
  nlohmann::json Json() const;
};

class HttpClient {
 public:
  // Connects; throws std::runtime_error on failure.
  explicit HttpClient(uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~HttpClient();

  // Sends one request (Content-Length set from `body`) and reads the response. Throws
  // std::runtime_error when the connection fails, closes or the timeout passes.
  ClientResponse Send(std::string_view method, std::string_view target, std::string body = {},
                      std::vector<std::pair<std::string, std::string>> headers = {});

  // Writes `bytes` as they are, then reads one response (`head` for a response to HEAD).
  ClientResponse SendRaw(std::string_view bytes, bool head = false);

  // Writes bytes without reading.
  void Write(std::string_view bytes);

  // True when the server closes the connection within the timeout, having sent nothing more.
  bool ClosedByServer();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace probity::testing
