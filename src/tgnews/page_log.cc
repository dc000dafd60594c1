#include "tgnews/page_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace newsloom::tgnews {

namespace {

constexpr const char* kLogName = "pages.log";

Status Errno(const std::string& what) {
  return Status::IOError(what + ": " + std::strerror(errno));
}

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return Errno("cannot write " + path);
    }
    bytes.remove_prefix(size_t(written));
  }
  return Status::Ok();
}

std::string PutRecord(std::string_view name, int64_t max_age, std::string_view body) {
  std::string record = "P ";
  record.append(name);
  record += ' ' + std::to_string(max_age) + ' ' + std::to_string(body.size()) + '\n';
  record.append(body);
  record += '\n';
  return record;
}

// Replays `bytes` into the live pages in the order they were first put: a
// page put again keeps its place, as it does in the running server's
// clusterer (a page deleted and put again comes last).
std::vector<StoredPage> Replay(const std::string& bytes) {
  std::unordered_map<std::string, size_t> slot;  // name -> index in `order`
  std::vector<StoredPage> order;
  std::vector<bool> live;
  size_t at = 0;
  while (at < bytes.size()) {
    size_t eol = bytes.find('\n', at);
    if (eol == std::string::npos) break;  // torn header
    std::istringstream header(bytes.substr(at, eol - at));
    char kind = 0;
    std::string name;
    header >> kind >> name;
    if (name.empty()) break;
    if (kind == 'D') {
      if (auto found = slot.find(name); found != slot.end()) {
        live[found->second] = false;
        slot.erase(found);
      }
      at = eol + 1;
      continue;
    }
    int64_t max_age = -1;
    size_t size = 0;
    if (kind != 'P' || !(header >> max_age >> size) || max_age < 0) break;
    if (size > bytes.size() - eol - 1 || eol + 1 + size >= bytes.size() ||
        bytes[eol + 1 + size] != '\n') {
      break;  // torn body
    }
    if (auto found = slot.find(name); found != slot.end()) {
      order[found->second] = {name, max_age, bytes.substr(eol + 1, size)};
    } else {
      slot[name] = order.size();
      order.push_back({name, max_age, bytes.substr(eol + 1, size)});
      live.push_back(true);
    }
    at = eol + 1 + size + 1;
  }
  std::vector<StoredPage> pages;
  for (size_t i = 0; i < order.size(); ++i) {
    if (live[i]) pages.push_back(std::move(order[i]));
  }
  return pages;
}

}  // namespace

Result<std::unique_ptr<PageLog>> PageLog::Open(const std::string& dir,
                                               std::vector<StoredPage>* pages) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status::IOError("cannot create " + dir + ": " + error.message());
  std::string path = (std::filesystem::path(dir) / kLogName).string();
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream all;
      all << in.rdbuf();
      bytes = std::move(all).str();
    }
  }
  *pages = Replay(bytes);
  bytes.clear();
  bytes.shrink_to_fit();

  // Compact: write the live pages to a new file, then rename it over the log.
  std::string temp = path + ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("cannot create " + temp);
  Status status = Status::Ok();
  for (const StoredPage& page : *pages) {
    status = WriteAll(fd, PutRecord(page.name, page.max_age, page.body), temp);
    if (!status.ok()) break;
  }
  if (status.ok() && ::fsync(fd) != 0) status = Errno("cannot sync " + temp);
  ::close(fd);
  if (!status.ok()) return status;
  if (::rename(temp.c_str(), path.c_str()) != 0) return Errno("cannot replace " + path);

  fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open " + path);
  return std::unique_ptr<PageLog>(new PageLog(fd, path));
}

PageLog::~PageLog() {
  ::fsync(fd_);
  ::close(fd_);
}

Status PageLog::Write(std::string_view bytes) { return WriteAll(fd_, bytes, path_); }

Status PageLog::AppendPut(std::string_view name, int64_t max_age, std::string_view body) {
  return Write(PutRecord(name, max_age, body));
}

Status PageLog::AppendDelete(std::string_view name) {
  std::string record = "D ";
  record.append(name);
  record += '\n';
  return Write(record);
}

Status PageLog::Sync() {
  if (::fsync(fd_) != 0) return Errno("cannot sync " + path_);
  return Status::Ok();
}

}  // namespace newsloom::tgnews
