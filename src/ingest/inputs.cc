#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "ingest/ingest.h"

namespace newsloom::ingest {

namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// Dangling symlinks and symlink chains that loop are skipped quietly; other
// failures to look at an entry are reported.
bool IsBrokenLink(const std::error_code& error) {
  return error == std::errc::no_such_file_or_directory ||
         error == std::errc::too_many_symbolic_link_levels;
}

// True when `ancestor` is `path` or one of the directories above it; both
// canonical.
bool IsAncestorOrSelf(const fs::path& ancestor, const fs::path& path) {
  auto path_component = path.begin();
  for (const fs::path& component : ancestor) {
    if (path_component == path.end() || *path_component != component) return false;
    ++path_component;
  }
  return true;
}

struct FoundFile {
  fs::path path;
  Status status;
};

// The state of one walk from a directory given to ListInputs.
struct Walk {
  std::set<fs::path> visited;             // canonical paths of directories walked
  std::vector<fs::path> directory_links;  // symlinks to directories, followed last
  std::vector<FoundFile> found;
};

// Appends the files under `directory` to walk->found, and defers the symlinks
// to directories it holds: following them only once the real tree is walked
// means a directory reached both ways is listed under its real path.
void CollectFiles(const fs::path& directory, Walk* walk) {
  std::error_code error;
  fs::directory_iterator iterator(directory, error);
  std::vector<fs::directory_entry> entries;
  for (const fs::directory_iterator end; !error && iterator != end; iterator.increment(error)) {
    if (!IsHidden(iterator->path())) entries.push_back(*iterator);
  }
  if (error) {
    walk->found.push_back(
        {directory, Status::IOError("cannot read directory: " + error.message())});
    return;
  }
  // Sorted so that the walk, and which link wins, do not depend on the file
  // system's order.
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              return a.path() < b.path();
            });

  for (const fs::directory_entry& entry : entries) {
    const fs::path& path = entry.path();
    fs::file_status status = entry.status(error);
    if (error) {
      if (!IsBrokenLink(error)) {
        walk->found.push_back({path, Status::IOError("cannot access: " + error.message())});
      }
    } else if (fs::is_regular_file(status)) {
      walk->found.push_back({path, Status::Ok()});
    } else if (fs::is_directory(status)) {
      if (entry.is_symlink(error)) {
        walk->directory_links.push_back(path);
        continue;
      }
      fs::path canonical = fs::canonical(path, error);
      if (error) {
        walk->found.push_back({path, Status::IOError("cannot resolve: " + error.message())});
      } else if (walk->visited.insert(canonical).second) {
        CollectFiles(path, walk);
      }
    }
  }
}

// The files under `root`, a directory, sorted by path. Symlinks are followed,
// except to a directory that contains the link (a loop); every directory is
// walked at most once.
std::vector<FoundFile> WalkDirectory(const fs::path& root) {
  Walk walk;
  std::error_code error;
  fs::path canonical_root = fs::canonical(root, error);
  if (error) return {{root, Status::IOError("cannot resolve: " + error.message())}};
  walk.visited.insert(canonical_root);
  CollectFiles(root, &walk);
  // Walking a linked directory may find more links: the list grows as it goes.
  for (size_t i = 0; i < walk.directory_links.size(); ++i) {
    fs::path link = walk.directory_links[i];
    fs::path target = fs::canonical(link, error);
    if (error) {
      walk.found.push_back({link, Status::IOError("cannot resolve: " + error.message())});
      continue;
    }
    fs::path parent = fs::canonical(link.parent_path(), error);
    if (error || IsAncestorOrSelf(target, parent)) continue;
    if (walk.visited.insert(target).second) CollectFiles(link, &walk);
  }
  std::stable_sort(walk.found.begin(), walk.found.end(),
                   [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  return std::move(walk.found);
}

}  // namespace

std::vector<InputFile> ListInputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) {
      inputs.push_back({path, Status::NotFound("no such file or directory")});
    } else if (error) {
      inputs.push_back({path, Status::IOError("cannot access: " + error.message())});
    } else if (!fs::is_directory(status)) {
      inputs.push_back({path, Status::Ok()});
    } else {
      for (FoundFile& file : WalkDirectory(path)) {
        inputs.push_back({file.path.string(), std::move(file.status)});
      }
    }
  }
  return inputs;
}

}  // namespace newsloom::ingest
