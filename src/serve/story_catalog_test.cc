// The catalog answers exactly what the store path renders, after loading and
// after every kind of commit.
#include "serve/story_catalog.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "serve/api_json.h"
#include "serve/newsroom.h"
#include "serve/test_util.h"
#include "store/single_article_stories.h"
#include "store/story_json.h"

namespace newsloom::serve {
namespace {

using nlohmann::json;

// GET /api/stories as the store path renders it.
std::string StoreListBody(store::Store& store, const CatalogListQuery& query) {
  store::StoryListQuery list;
  list.filter.category = query.category;
  list.filter.language = query.language;
  list.filter.since = query.since;
  list.filter.until = query.until;
  list.cursor = query.cursor;
  list.limit = query.limit;
  auto page = store.ListStories(list);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  if (!page.ok()) return "";
  json stories = json::array();
  for (const Story& story : page->stories) stories.push_back(StoryListItemJson(story));
  return Dump({{"stories", stories}, {"next", page->next.empty() ? json() : json(page->next)}});
}

// GET /api/stories/{id} as the store path renders it; "" when absent.
std::string StorePageBody(store::Store& store, const std::string& id, bool all) {
  auto page = StoryPageFromStore(store, id, all);
  if (!page.ok()) {
    EXPECT_EQ(page.status().code(), Status::Code::kNotFound) << page.status().ToString();
    return "";
  }
  return Dump(*page);
}

// Stories of several articles: an article joins the story of its title's
// first letter; ranks grow with the story, 30 entities each (the list shows 20).
class KeyedStories final : public store::StoryBuilder {
 public:
  std::vector<Story> Add(const Article& article) override {
    std::string key = "k-" + article.title.substr(0, 1);
    Story& story = stories_[key];
    story.id = key;
    story.title = article.title;
    story.category = article.category;
    story.language = article.language;
    std::erase(story.articles, article.id);
    story.articles.push_back(article.id);
    story.rank = double(story.articles.size()) + double(article.id.size()) / 100;
    story.first_seen = 1000;
    story.last_updated = 1000 + int64_t(story.articles.size());
    for (int i = 0; i < 30; ++i) {
      story.entities.push_back({"Name " + std::to_string(i), Entity::Type::kPerson, 30 - i});
    }
    story.summary = {{"A <quoted> \"sentence\" \xff.", story.articles.front()}};
    owner_[article.id] = key;
    return {story};
  }
  std::vector<Story> Remove(const std::string& id) override {
    auto owner = owner_.find(id);
    if (owner == owner_.end()) return {};
    Story& story = stories_[owner->second];
    std::erase(story.articles, id);
    owner_.erase(owner);
    Story changed = story;
    if (story.articles.empty()) stories_.erase(changed.id);
    return {changed};
  }

 private:
  std::map<std::string, Story> stories_;
  std::map<std::string, std::string> owner_;
};

class StoryCatalogTest : public ::testing::Test {
 protected:
  void Put(const std::string& id, const std::string& title, const std::string& category) {
    Article article = TestArticle(id, title, "Text of " + id + ".");
    article.category = category;
    ASSERT_TRUE(newsroom_.Add({article}).ok());
  }
  // Every list page (all filters below, followed through their cursors) and
  // every page, the catalog against the store.
  void ExpectSameAsStore(const StoryCatalog& catalog) {
    auto snapshot = catalog.Current();
    for (std::string category : {"", "world", "economy", "none"}) {
      for (int limit : {1, 2, 20}) {
        CatalogListQuery query;
        query.category = category;
        query.limit = limit;
        for (int pages = 0; pages < 50; ++pages) {
          auto body = snapshot->ListBody(query);
          ASSERT_TRUE(body.ok());
          std::string expected = StoreListBody(*store_, query);
          ASSERT_EQ(*body, expected) << category << " " << limit;
          json next = json::parse(*body)["next"];
          if (next.is_null()) break;
          query.cursor = next.get<std::string>();
        }
      }
    }
    CatalogListQuery since;
    since.since = 1002;
    EXPECT_EQ(*snapshot->ListBody(since), StoreListBody(*store_, since));
    CatalogListQuery until;
    until.until = 999;
    EXPECT_EQ(*snapshot->ListBody(until), StoreListBody(*store_, until));
    for (std::string id : {"k-A", "k-B", "k-C", "k-D", "k-E", "k-Z", "nope"}) {
      for (bool all : {false, true}) {
        auto body = snapshot->PageBody(id, all);
        std::string expected = StorePageBody(*store_, id, all);
        EXPECT_EQ(body.value_or(""), expected) << id;
      }
    }
  }

  TemporaryStore store_;
  KeyedStories builder_;
  Newsroom newsroom_{*store_, builder_};
};

TEST_F(StoryCatalogTest, LoadedAndUpdatedCatalogsAnswerAsTheStore) {
  Put("a1", "Alpha one", "world");
  Put("b1", "Beta one", "economy");
  Put("a2", "Alpha two", "world");
  StoryCatalog catalog;
  ASSERT_TRUE(catalog.Load(*store_).ok());
  ExpectSameAsStore(catalog);

  newsroom_.SetCommitListener([&](const store::WriteBatch& batch) { catalog.Apply(batch); });
  Put("c1", "Charlie one", "world");
  Put("a3", "Alpha three", "world");
  Put("d1", "Delta", "economy");
  Put("e1", "Echo", "world");
  Put("b1", "Beta one, changed", "economy");  // an article replaced
  ExpectSameAsStore(catalog);
  for (int i = 0; i < 130; ++i)
    Put(std::string("z").append(std::to_string(i)), "Zulu", "world");  // a big story
  ExpectSameAsStore(catalog);
  json page = json::parse(*catalog.Current()->PageBody("k-Z"));
  EXPECT_EQ(page["article_details"].size(), 51u);
  EXPECT_EQ(page["articles"].size(), 51u);  // the ids of the details, not every member
  EXPECT_EQ(page["article_count"], 130);
  json full = json::parse(*catalog.Current()->PageBody("k-Z", true));
  EXPECT_EQ(full["article_details"].size(), 130u);
  EXPECT_EQ(full["articles"].size(), 130u);
  ASSERT_TRUE(newsroom_.Remove("a1").ok());  // a story shrinks
  ASSERT_TRUE(newsroom_.Remove("d1").ok());  // a story goes
  ExpectSameAsStore(catalog);
  EXPECT_FALSE(catalog.Current()->PageBody("k-D"));
  EXPECT_EQ(catalog.Current()->story_count(), 5u);

  StoryCatalog reloaded;
  ASSERT_TRUE(reloaded.Load(*store_).ok());
  EXPECT_EQ(*reloaded.Current()->ListBody({}), *catalog.Current()->ListBody({}));
}

TEST_F(StoryCatalogTest, BadCursorIsRefused) {
  StoryCatalog catalog;
  CatalogListQuery query;
  query.cursor = "zz";
  EXPECT_EQ(catalog.Current()->ListBody(query).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(*catalog.Current()->ListBody({}), R"({"next":null,"stories":[]})");
}

TEST_F(StoryCatalogTest, ASnapshotTakenStaysAsItWas) {
  StoryCatalog catalog;
  newsroom_.SetCommitListener([&](const store::WriteBatch& batch) { catalog.Apply(batch); });
  Put("a1", "Alpha one", "world");
  auto before = catalog.Current();
  std::string page = before->PageBody("k-A").value_or("");
  Put("a2", "Alpha two", "world");
  EXPECT_EQ(before->PageBody("k-A").value_or(""), page);
  EXPECT_NE(catalog.Current()->PageBody("k-A").value_or(""), page);
}

}  // namespace
}  // namespace newsloom::serve
