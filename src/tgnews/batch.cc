#include "tgnews/batch.h"

#include <filesystem>
#include <vector>

#include "cluster/clusterer.h"
#include "newsloom/engine.h"
#include "tgnews/contest.h"
#include "tgnews/contest_stories.h"

namespace newsloom::tgnews {

std::optional<Task> TaskFromName(std::string_view name) {
  if (name == "languages") return Task::kLanguages;
  if (name == "news") return Task::kNews;
  if (name == "categories") return Task::kCategories;
  if (name == "threads") return Task::kThreads;
  if (name == "top") return Task::kTop;
  return std::nullopt;
}

namespace {

std::string FileName(const std::string& origin) {
  size_t slash = origin.find_last_of('/');
  return slash == std::string::npos ? origin : origin.substr(slash + 1);
}

}  // namespace

Result<nlohmann::ordered_json> RunBatch(Task task, const std::string& dir,
                                        const BatchOptions& batch_options) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return Status::IOError("not a directory: " + dir);
  }
  const bool threads = task == Task::kThreads || task == Task::kTop;
  Options options;
  options.jobs = batch_options.jobs;
  options.analyze = true;
  options.entities_and_dates = threads;
  auto engine = Engine::Open(options);
  if (!engine.ok()) return engine.status();

  std::vector<Page> pages;
  std::vector<Article> news;
  ExtractCallbacks callbacks;
  callbacks.on_input = [&](const ExtractedInput& input) {
    if (!input.status.ok() || input.articles.empty()) {
      if (batch_options.on_error) {
        batch_options.on_error(input.origin, input.status.ok()
                                                 ? Status::InvalidArgument("no article in the page")
                                                 : input.status);
      }
      return;
    }
    // A contest page is one article; a digest's further ledes are not pages.
    Article article = input.articles.front();
    article.id = FileName(input.origin);
    Page page{article.id, ContestLanguage(article), IsContestNews(article), ""};
    if (page.news) page.category = ContestCategory(article);
    if (threads && page.news) {
      article.category = page.category;
      news.push_back(std::move(article));
    }
    pages.push_back(std::move(page));
  };
  (*engine)->Extract({dir}, callbacks);

  switch (task) {
    case Task::kLanguages:
      return LanguagesJson(pages);
    case Task::kNews:
      return NewsJson(pages);
    case Task::kCategories:
      return CategoriesJson(pages);
    case Task::kThreads:
    case Task::kTop:
      break;
  }
  // In publication order, as a server would have received them.
  ContestStories stories;
  for (size_t position : cluster::PublicationOrder(news)) stories.Add(std::move(news[position]));
  std::vector<Thread> list = stories.All();
  return task == Task::kThreads ? ThreadsJson(list) : TopJson(list);
}

}  // namespace newsloom::tgnews
