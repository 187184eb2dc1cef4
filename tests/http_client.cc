#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cctype>
#include <stdexcept>

namespace probity::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;

namespace {
bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}
}  // namespace

std::string ClientResponse::Header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (SameIgnoringCase(n, name)) return v;
  return "";
}

nlohmann::json ClientResponse::Json() const { return nlohmann::json::parse(body); }

struct HttpClient::Impl {
  asio::io_context io;
  tcp::socket socket{io};
  boost::beast::flat_buffer buffer;
  std::chrono::milliseconds timeout;

  // Runs the io_context until the operation sets `done` or the timeout passes.
  void Wait(bool& done, const char* what) {
    io.restart();
    io.run_for(timeout);
    if (!done) {
      error_code ignored;
      socket.close(ignored);
      io.restart();
      io.run();
      throw std::runtime_error(std::string("timed out: ") + what);
    }
  }
};

HttpClient::HttpClient(uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->timeout = timeout;
  error_code ec;
  impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
  if (ec) throw std::runtime_error("connect: " + ec.message());
}

HttpClient::~HttpClient() = default;

void HttpClient::Write(std::string_view bytes) {
  bool done = false;
  error_code result;
  asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()),
                    [&](error_code ec, size_t) {
                      result = ec;
                      done = true;
                    });
  impl_->Wait(done, "write");
  if (result) throw std::runtime_error("write: " + result.message());
}

ClientResponse HttpClient::SendRaw(std::string_view bytes, bool head) {
  Write(bytes);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  parser.skip(head);
  bool done = false;
  error_code result;
  http::async_read(impl_->socket, impl_->buffer, parser, [&](error_code ec, size_t) {
    result = ec;
    done = true;
  });
  impl_->Wait(done, "read");
  if (result) throw std::runtime_error("read: " + result.message());
  auto message = parser.release();
  ClientResponse response;
  response.status = message.result_int();
  for (const auto& field : message)
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  response.body = std::move(message.body());
  response.keep_alive = message.keep_alive();
  return response;
}

ClientResponse HttpClient::Send(std::string_view method, std::string_view target, std::string body,
                                std::vector<std::pair<std::string, std::string>> headers) {
  std::string text = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
  text += "Host: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) text += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  text += "\r\n";
  text += body;
  return SendRaw(text, method == "HEAD");
}

bool HttpClient::ClosedByServer() {
  char byte;
  bool done = false;
  error_code result;
  size_t got = 0;
  impl_->socket.async_read_some(asio::buffer(&byte, 1), [&](error_code ec, size_t n) {
    result = ec;
    got = n;
    done = true;
  });
  try {
    impl_->Wait(done, "read");
  } catch (const std::runtime_error&) {
    return false;
  }
  return got == 0 && (result == asio::error::eof || result == asio::error::connection_reset);
}

}  // namespace probity::testing
