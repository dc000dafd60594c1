// Status and Result<T>: how every newsloom function reports failure.
//
// Malformed input is normal, not exceptional: a page that cannot be parsed
// comes back as a Status with a one-line reason, never as an exception.
// Status and Result are value types; they are safe to copy between threads.
#ifndef NEWSLOOM_STATUS_H_
#define NEWSLOOM_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace newsloom {

class Status {
 public:
  enum class Code { kOk, kNotFound, kInvalidArgument, kCorruption, kIOError, kUnsupported };

  Status() = default;

  static Status Ok() { return Status(); }
  static Status NotFound(std::string_view message) { return Status(Code::kNotFound, message); }
  static Status InvalidArgument(std::string_view message) {
    return Status(Code::kInvalidArgument, message);
  }
  static Status Corruption(std::string_view message) { return Status(Code::kCorruption, message); }
  static Status IOError(std::string_view message) { return Status(Code::kIOError, message); }
  static Status Unsupported(std::string_view message) {
    return Status(Code::kUnsupported, message);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Corruption: truncated gzip stream", or "OK".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view message) : code_(code), message_(message) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(state_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace newsloom

#endif  // NEWSLOOM_STATUS_H_
