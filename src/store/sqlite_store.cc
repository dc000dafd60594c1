// SqliteStore: opening, the reader pool and writes.
#include "store/sqlite_store.h"

#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "store/sqlite_schema.h"
#include "store/story_json.h"

namespace newsloom::store {

namespace {

// Tuned for durability first: WAL with synchronous=FULL fsyncs the log at
// every commit, so callers batch writes to amortise it.
constexpr const char* kConnectionSetup =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF;"
    "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;";

#define RETURN_IF_ERROR(expression)    \
  do {                                 \
    Status status_ = (expression);     \
    if (!status_.ok()) return status_; \
  } while (false)

// Prepares `sql` on `connection` into `name`, or returns its error.
#define PREPARE(name, connection, sql)                    \
  auto name##_result = (connection).Prepare(sql);         \
  if (!name##_result.ok()) return name##_result.status(); \
  Statement& name = **name##_result

void BindTime(Statement& statement, int first, const std::optional<Timestamp>& time) {
  if (!time) {
    for (int i = 0; i < 4; ++i) statement.BindNull(first + i);
    return;
  }
  statement.Bind(first, time->utc_seconds)
      .Bind(first + 1, int64_t{time->offset_minutes})
      .Bind(first + 2, int64_t{time->has_offset})
      .Bind(first + 3, static_cast<int64_t>(time->precision));
}

std::string Lead(const Article& article) {
  if (!article.description.empty()) return article.description;
  return article.paragraphs.empty() ? std::string() : article.paragraphs.front().text;
}

std::string Body(const Article& article) {
  std::string body;
  size_t first = article.description.empty() ? 1 : 0;
  for (size_t i = first; i < article.paragraphs.size(); ++i) {
    if (!body.empty()) body += '\n';
    body += article.paragraphs[i].text;
  }
  return body;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& directory) {
  auto store = SqliteStore::Open(directory);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(*store));
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return Status::IOError("cannot create " + directory + ": " + error.message());
  std::string path = (std::filesystem::path(directory) / "newsloom.sqlite").string();
  auto writer = Connection::Open(path);
  if (!writer.ok()) return writer.status();
  RETURN_IF_ERROR((*writer)->Exec(kConnectionSetup));
  RETURN_IF_ERROR(MigrateSchema(**writer));
  std::unique_ptr<SqliteStore> store(new SqliteStore(path, std::move(*writer)));
  auto checkpointer = Checkpointer::Start(path, *store->writer_);
  if (!checkpointer.ok()) return checkpointer.status();
  store->checkpointer_ = std::move(*checkpointer);
  return store;
}

SqliteStore::Reader::~Reader() {
  if (connection_ == nullptr) return;
  std::lock_guard<std::mutex> lock(store_->pool_mutex_);
  store_->idle_readers_.push_back(std::move(connection_));
}

Result<SqliteStore::Reader> SqliteStore::Borrow() {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!idle_readers_.empty()) {
      auto connection = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return Reader(this, std::move(connection));
    }
  }
  auto connection = Connection::Open(path_);
  if (!connection.ok()) return connection.status();
  // A small private cache per reader: the server runs hundreds of threads,
  // and the OS page cache already holds the hot pages for all of them. (mmap
  // would map the file once per connection and inflate the resident size.)
  RETURN_IF_ERROR((*connection)->Exec("PRAGMA cache_size = -2000; PRAGMA query_only = 1;"));
  return Reader(this, std::move(*connection));
}

Status SqliteStore::Write(const WriteBatch& batch) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  RETURN_IF_ERROR(writer_->Exec("BEGIN IMMEDIATE"));
  pending_members_.clear();
  // Another connection (another process) that wrote since makes what is
  // remembered of story members unreliable.
  auto version = writer_->QueryInt("PRAGMA data_version");
  if (!version.ok() || *version != members_version_) members_.clear();
  if (version.ok()) members_version_ = *version;
  Status status = WriteLocked(batch);
  if (status.ok()) status = writer_->Exec("COMMIT");
  if (!status.ok()) {
    writer_->Exec("ROLLBACK");
    members_.clear();  // not known what the rolled-back statements left: read back
  } else {
    for (auto& [story, members] : pending_members_) {
      if (members) {
        members_[story] = std::move(*members);
      } else {
        members_.erase(story);
      }
    }
  }
  pending_members_.clear();
  return status;
}

Status SqliteStore::WriteLocked(const WriteBatch& batch) {
  for (const std::string& id : batch.deleted_articles) RETURN_IF_ERROR(DeleteArticle(id));
  for (const Article& article : batch.articles) RETURN_IF_ERROR(PutArticle(article));
  for (const std::string& id : batch.deleted_stories) RETURN_IF_ERROR(DeleteStory(id));
  for (const Story& story : batch.stories) RETURN_IF_ERROR(PutStory(story));
  return Status::Ok();
}

Status SqliteStore::DeleteArticle(const std::string& id) {
  PREPARE(find, *writer_, "SELECT rowid FROM articles WHERE id = ?1");
  find.Bind(1, id);
  if (!find.Step()) return find.status();
  int64_t rowid = find.Int(0);
  for (const char* sql :
       {"DELETE FROM articles WHERE rowid = ?1", "DELETE FROM paragraphs WHERE article = ?1",
        "DELETE FROM entities WHERE article = ?1", "DELETE FROM dates WHERE article = ?1",
        "DELETE FROM articles_fts WHERE rowid = ?1"}) {
    PREPARE(remove, *writer_, sql);
    RETURN_IF_ERROR(remove.Bind(1, rowid).Run());
  }
  // The article leaves whichever stories held it: read them back.
  members_.clear();
  pending_members_.clear();
  PREPARE(members, *writer_, "DELETE FROM story_articles WHERE article = ?1");
  return members.Bind(1, id).Run();
}

Status SqliteStore::PutArticle(const Article& article) {
  // Replacing keeps the rowid, so FTS rows and child rows stay keyed alike.
  int64_t rowid = 0;
  {
    PREPARE(find, *writer_, "SELECT rowid FROM articles WHERE id = ?1");
    find.Bind(1, article.id);
    if (find.Step()) rowid = find.Int(0);
    RETURN_IF_ERROR(find.status());
  }
  if (rowid != 0) {
    for (const char* sql :
         {"DELETE FROM articles WHERE rowid = ?1", "DELETE FROM paragraphs WHERE article = ?1",
          "DELETE FROM entities WHERE article = ?1", "DELETE FROM dates WHERE article = ?1",
          "DELETE FROM articles_fts WHERE rowid = ?1"}) {
      PREPARE(remove, *writer_, sql);
      RETURN_IF_ERROR(remove.Bind(1, rowid).Run());
    }
  }
  nlohmann::json authors = article.authors;
  int64_t time = article.published ? article.published->utc_seconds
                 : article.fetched ? article.fetched->utc_seconds
                                   : 0;
  {
    PREPARE(insert, *writer_,
            "INSERT INTO articles (rowid, id, content_hash, url, canonical_url, source, "
            "site_name, title, authors, published, published_offset, published_has_offset, "
            "published_precision, fetched, fetched_offset, fetched_has_offset, "
            "fetched_precision, time, language, language_confidence, description, is_news, "
            "truncated, category, category_confidence, signature, duplicate_of) VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
            "?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)");
    if (rowid != 0) {
      insert.Bind(1, rowid);
    } else {
      insert.BindNull(1);
    }
    insert.Bind(2, article.id)
        .Bind(3, static_cast<int64_t>(ArticleContentHash(article)))
        .Bind(4, article.url)
        .Bind(5, article.canonical_url)
        .Bind(6, article.source)
        .Bind(7, article.site_name)
        .Bind(8, article.title)
        .Bind(9, authors.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    BindTime(insert, 10, article.published);
    BindTime(insert, 14, article.fetched);
    insert.Bind(18, time)
        .Bind(19, article.language)
        .Bind(20, double{article.language_confidence})
        .Bind(21, article.description)
        .Bind(22, int64_t{article.is_news})
        .Bind(23, int64_t{article.truncated})
        .Bind(24, article.category)
        .Bind(25, double{article.category_confidence})
        .Bind(26, static_cast<int64_t>(article.signature))
        .Bind(27, article.duplicate_of);
    RETURN_IF_ERROR(insert.Run());
  }
  rowid = writer_->LastInsertRowId();
  {
    PREPARE(paragraph, *writer_,
            "INSERT INTO paragraphs (article, position, kind, text) VALUES (?1, ?2, ?3, ?4)");
    for (size_t i = 0; i < article.paragraphs.size(); ++i) {
      RETURN_IF_ERROR(paragraph.Bind(1, rowid)
                          .Bind(2, int64_t(i))
                          .Bind(3, static_cast<int64_t>(article.paragraphs[i].kind))
                          .Bind(4, article.paragraphs[i].text)
                          .Run());
    }
  }
  {
    PREPARE(entity, *writer_,
            "INSERT INTO entities (article, position, type, text, canonical, paragraph, offset) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (size_t i = 0; i < article.entities.size(); ++i) {
      const Entity& item = article.entities[i];
      RETURN_IF_ERROR(entity.Bind(1, rowid)
                          .Bind(2, int64_t(i))
                          .Bind(3, static_cast<int64_t>(item.type))
                          .Bind(4, item.text)
                          .Bind(5, item.canonical)
                          .Bind(6, int64_t{item.paragraph})
                          .Bind(7, int64_t{item.offset})
                          .Run());
    }
  }
  {
    PREPARE(date, *writer_,
            "INSERT INTO dates (article, position, granularity, text, date, paragraph, offset) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (size_t i = 0; i < article.dates.size(); ++i) {
      const DateMention& item = article.dates[i];
      RETURN_IF_ERROR(date.Bind(1, rowid)
                          .Bind(2, int64_t(i))
                          .Bind(3, static_cast<int64_t>(item.granularity))
                          .Bind(4, item.text)
                          .Bind(5, item.date)
                          .Bind(6, int64_t{item.paragraph})
                          .Bind(7, int64_t{item.offset})
                          .Run());
    }
  }
  PREPARE(fts, *writer_,
          "INSERT INTO articles_fts (rowid, title, lead, body) VALUES (?1, ?2, ?3, ?4)");
  return fts.Bind(1, rowid)
      .Bind(2, article.title)
      .Bind(3, Lead(article))
      .Bind(4, Body(article))
      .Run();
}

Status SqliteStore::DeleteStoryRow(const std::string& id) {
  int64_t rowid = 0;
  {
    PREPARE(find, *writer_, "SELECT rowid FROM stories WHERE id = ?1");
    find.Bind(1, id);
    if (find.Step()) rowid = find.Int(0);
    RETURN_IF_ERROR(find.status());
  }
  if (rowid == 0) return Status::Ok();
  for (const char* sql :
       {"DELETE FROM stories WHERE rowid = ?1", "DELETE FROM stories_fts WHERE rowid = ?1"}) {
    PREPARE(remove, *writer_, sql);
    RETURN_IF_ERROR(remove.Bind(1, rowid).Run());
  }
  return Status::Ok();
}

Status SqliteStore::DeleteStory(const std::string& id) {
  RETURN_IF_ERROR(DeleteStoryRow(id));
  pending_members_[id] = std::nullopt;
  PREPARE(members, *writer_, "DELETE FROM story_articles WHERE story = ?1");
  return members.Bind(1, id).Run();
}

Status SqliteStore::PutMembers(const Story& story) {
  // Only what changed is written: a story that grows by one article costs one
  // row, not a rewrite of all its members. What a big story holds is known
  // from the last write (members_, as hashes of the ids: a false match of 64
  // bits needs billions of members for even odds), else read back. Positions
  // from `prefix` on are compared by id.
  const std::vector<std::string>& members = story.articles;
  std::vector<uint64_t> hashes;
  hashes.reserve(members.size());
  for (const std::string& article : members) hashes.push_back(std::hash<std::string>()(article));
  const std::vector<uint64_t>* remembered = nullptr;
  if (auto pending = pending_members_.find(story.id); pending != pending_members_.end()) {
    if (pending->second) remembered = &*pending->second;
  } else if (auto known = members_.find(story.id); known != members_.end()) {
    remembered = &known->second;
  }
  size_t prefix = 0;
  if (remembered != nullptr) {
    const std::vector<uint64_t>& old = *remembered;
    while (prefix < old.size() && prefix < hashes.size() && old[prefix] == hashes[prefix]) ++prefix;
  }
  std::unordered_map<std::string, int64_t> stored;  // article -> position, from `prefix` on
  if (remembered == nullptr || remembered->size() > prefix) {
    PREPARE(rows, *writer_,
            "SELECT article, position FROM story_articles WHERE story = ?1 AND position >= ?2");
    rows.Bind(1, story.id).Bind(2, int64_t(prefix));
    while (rows.Step()) stored.emplace(rows.Text(0), rows.Int(1));
    RETURN_IF_ERROR(rows.status());
  }
  // An id listed twice keeps its first place: a row already there (placed
  // before `prefix`, or earlier in this loop) is left as it is. Positions may
  // skip; only their order is read.
  PREPARE(reposition, *writer_,
          "UPDATE story_articles SET position = ?3 WHERE story = ?1 AND article = ?2");
  PREPARE(add, *writer_,
          "INSERT OR IGNORE INTO story_articles (story, article, position) VALUES (?1, ?2, ?3)");
  for (size_t i = prefix; i < members.size(); ++i) {
    auto found = stored.find(members[i]);
    if (found == stored.end()) {
      RETURN_IF_ERROR(add.Bind(1, story.id).Bind(2, members[i]).Bind(3, int64_t(i)).Run());
      continue;
    }
    if (found->second != int64_t(i))
      RETURN_IF_ERROR(reposition.Bind(1, story.id).Bind(2, members[i]).Bind(3, int64_t(i)).Run());
    stored.erase(found);
  }
  PREPARE(remove, *writer_, "DELETE FROM story_articles WHERE story = ?1 AND article = ?2");
  for (const auto& [article, position] : stored) {
    RETURN_IF_ERROR(remove.Bind(1, story.id).Bind(2, article).Run());
  }
  if (members.size() >= kRememberedMembers) {
    pending_members_[story.id] = std::move(hashes);
  } else {
    pending_members_[story.id] = std::nullopt;
  }
  return Status::Ok();
}

Status SqliteStore::PutStory(const Story& story) {
  RETURN_IF_ERROR(DeleteStoryRow(story.id));
  nlohmann::json json = StoryPartsToJson(story);
  auto dump = [&](const char* key) {
    return json[key].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  {
    PREPARE(insert, *writer_,
            "INSERT INTO stories (id, title, category, language, rank, first_seen, "
            "last_updated, merged_ids, sources, entities, timeline, summary, disagreements) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    RETURN_IF_ERROR(insert.Bind(1, story.id)
                        .Bind(2, story.title)
                        .Bind(3, story.category)
                        .Bind(4, story.language)
                        .Bind(5, story.rank)
                        .Bind(6, story.first_seen)
                        .Bind(7, story.last_updated)
                        .Bind(8, dump("merged_ids"))
                        .Bind(9, dump("sources"))
                        .Bind(10, dump("entities"))
                        .Bind(11, dump("timeline"))
                        .Bind(12, dump("summary"))
                        .Bind(13, dump("disagreements"))
                        .Run());
  }
  int64_t rowid = writer_->LastInsertRowId();
  RETURN_IF_ERROR(PutMembers(story));
  std::string summary;
  for (const CitedSentence& sentence : story.summary) summary += sentence.text + "\n";
  std::string entities;
  for (const StoryEntity& entity : story.entities) entities += entity.name + "\n";
  PREPARE(fts, *writer_,
          "INSERT INTO stories_fts (rowid, title, summary, entities) VALUES (?1, ?2, ?3, ?4)");
  return fts.Bind(1, rowid).Bind(2, story.title).Bind(3, summary).Bind(4, entities).Run();
}

}  // namespace newsloom::store
