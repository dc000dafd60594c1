#include "bench/bench_data.h"

#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace newsloom::bench {

namespace {

Result<std::string> GunzipFile(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IOError("cannot open " + path);
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    int count = gzread(file, buffer, sizeof buffer);
    if (count < 0) {
      gzclose(file);
      return Status::Corruption("cannot gunzip " + path);
    }
    if (count == 0) break;
    bytes.append(buffer, size_t(count));
  }
  gzclose(file);
  return bytes;
}

}  // namespace

std::string SharedDataDir() {
  if (const char* from_environment = std::getenv("NEWSLOOM_SHARED_DATA");
      from_environment != nullptr && *from_environment != '\0') {
    return from_environment;
  }
  return NEWSLOOM_SHARED_DATA_DIR;
}

Result<PageSet> LoadGzipPages(const std::string& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    return Status::NotFound(directory + " is not a directory (set NEWSLOOM_SHARED_DATA)");
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".gz") paths.push_back(entry.path());
  }
  if (paths.empty()) return Status::NotFound("no *.gz pages in " + directory);
  std::sort(paths.begin(), paths.end());

  PageSet set;
  for (const std::filesystem::path& path : paths) {
    Result<std::string> bytes = GunzipFile(path.string());
    if (!bytes.ok()) return bytes.status();
    set.total_bytes += bytes->size();
    set.pages.push_back({path.stem().string(), std::move(bytes).value()});
  }
  return set;
}

double PeakRssMebibytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

bool ResetPeakRss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return bool(clear_refs);
}

}  // namespace newsloom::bench
