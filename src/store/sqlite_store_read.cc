// SqliteStore: reads, the ranked story list and full-text search.
#include <unordered_map>
#include <variant>

#include "common/strings.h"
#include "store/fts_query.h"
#include "store/sqlite_store.h"
#include "store/story_cursor.h"
#include "store/story_json.h"

namespace newsloom::store {

namespace {

// Every statement in its scope reads one snapshot of the store. Ends with
// COMMIT when it began: a read has nothing to roll back.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection& connection)
      : connection_(connection), status_(connection.Exec("BEGIN")) {}
  ~ReadTransaction() {
    if (status_.ok()) connection_.Exec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

  const Status& status() const { return status_; }

 private:
  Connection& connection_;
  Status status_;
};

#define ASSIGN_OR_RETURN(name, expression)                \
  auto name##_result = (expression);                      \
  if (!name##_result.ok()) return name##_result.status(); \
  auto& name = *name##_result

#define RETURN_IF_ERROR(expression)    \
  do {                                 \
    Status status_ = (expression);     \
    if (!status_.ok()) return status_; \
  } while (false)

constexpr const char* kArticleColumns =
    "a.rowid, a.id, a.url, a.canonical_url, a.source, a.site_name, a.title, a.authors, "
    "a.published, a.published_offset, a.published_has_offset, a.published_precision, "
    "a.fetched, a.fetched_offset, a.fetched_has_offset, a.fetched_precision, a.language, "
    "a.language_confidence, a.description, a.is_news, a.truncated, a.category, "
    "a.category_confidence, a.signature, a.duplicate_of";
constexpr int kArticleColumnCount = 25;

constexpr const char* kStoryColumns =
    "s.id, s.title, s.category, s.language, s.rank, s.first_seen, s.last_updated, "
    "s.merged_ids, s.sources, s.entities, s.timeline, s.summary, s.disagreements";
constexpr int kStoryColumnCount = 13;

std::optional<Timestamp> TimeAt(const Statement& row, int first) {
  if (row.IsNull(first)) return std::nullopt;
  Timestamp time;
  time.utc_seconds = row.Int(first);
  time.offset_minutes = int(row.Int(first + 1));
  time.has_offset = row.Int(first + 2) != 0;
  int64_t precision = row.Int(first + 3);
  time.precision = precision == 0   ? Timestamp::Precision::kDay
                   : precision == 1 ? Timestamp::Precision::kMinute
                                    : Timestamp::Precision::kSecond;
  return time;
}

Article ArticleAt(const Statement& row) {
  Article article;
  article.id = row.Text(1);
  article.url = row.Text(2);
  article.canonical_url = row.Text(3);
  article.source = row.Text(4);
  article.site_name = row.Text(5);
  article.title = row.Text(6);
  nlohmann::json authors = nlohmann::json::parse(row.Text(7), nullptr, false);
  if (authors.is_array()) {
    for (const auto& author : authors) {
      if (author.is_string()) article.authors.push_back(author.get<std::string>());
    }
  }
  article.published = TimeAt(row, 8);
  article.fetched = TimeAt(row, 12);
  article.language = row.Text(16);
  article.language_confidence = float(row.Real(17));
  article.description = row.Text(18);
  article.is_news = row.Int(19) != 0;
  article.truncated = row.Int(20) != 0;
  article.category = row.Text(21);
  article.category_confidence = float(row.Real(22));
  article.signature = static_cast<uint64_t>(row.Int(23));
  article.duplicate_of = row.Text(24);
  return article;
}

Story StoryAt(const Statement& row, int first) {
  nlohmann::json json = {{"id", row.Text(first)},
                         {"title", row.Text(first + 1)},
                         {"category", row.Text(first + 2)},
                         {"language", row.Text(first + 3)},
                         {"rank", row.Real(first + 4)},
                         {"first_seen", row.Int(first + 5)},
                         {"last_updated", row.Int(first + 6)}};
  const char* nested[] = {"merged_ids", "sources", "entities",
                          "timeline",   "summary", "disagreements"};
  for (int i = 0; i < 6; ++i) {
    json[nested[i]] = nlohmann::json::parse(row.Text(first + 7 + i), nullptr, false);
  }
  return StoryFromJson(json);
}

// A WHERE fragment and the values for its parameters, in order; numbered
// parameters start at `first`.
struct Clause {
  explicit Clause(int first) : first(first) {}

  // Appends " AND `condition`" with its one "?" numbered as the next parameter.
  void Add(std::string_view condition, std::variant<std::string, int64_t> value) {
    size_t mark = condition.find('?');
    sql += " AND ";
    sql += condition.substr(0, mark);
    sql += '?';
    sql += std::to_string(first + int(values.size()));
    sql += condition.substr(mark + 1);
    values.push_back(std::move(value));
  }
  void Bind(Statement& statement) const {
    for (size_t i = 0; i < values.size(); ++i) {
      if (const auto* text = std::get_if<std::string>(&values[i])) {
        statement.Bind(first + int(i), *text);
      } else {
        statement.Bind(first + int(i), std::get<int64_t>(values[i]));
      }
    }
  }

  int first;
  std::string sql;
  std::vector<std::variant<std::string, int64_t>> values;
};

Clause ArticleFilter(const Filter& filter, int first) {
  Clause clause(first);
  if (filter.since) clause.Add("a.time >= ?", *filter.since);
  if (filter.until) clause.Add("a.time <= ?", *filter.until);
  if (!filter.category.empty()) clause.Add("a.category = ?", filter.category);
  if (!filter.language.empty()) clause.Add("a.language = ?", filter.language);
  if (!filter.source.empty()) clause.Add("a.source = ?", filter.source);
  if (!filter.entity.empty()) {
    clause.Add("EXISTS (SELECT 1 FROM entities e WHERE e.article = a.rowid AND e.canonical = ?)",
               filter.entity);
  }
  return clause;
}

Clause StoryFilter(const Filter& filter, int first) {
  Clause clause(first);
  if (filter.since) clause.Add("s.last_updated >= ?", *filter.since);
  if (filter.until) clause.Add("s.first_seen <= ?", *filter.until);
  if (!filter.category.empty()) clause.Add("s.category = ?", filter.category);
  if (!filter.language.empty()) clause.Add("s.language = ?", filter.language);
  if (!filter.source.empty()) {
    clause.Add("EXISTS (SELECT 1 FROM json_each(s.sources) WHERE value = ?)", filter.source);
  }
  if (!filter.entity.empty()) {
    clause.Add(
        "EXISTS (SELECT 1 FROM json_each(s.entities) WHERE json_extract(value, '$.name') = ?)",
        filter.entity);
  }
  return clause;
}

int ClampLimit(int limit) { return limit < 1 ? 1 : limit > 1000 ? 1000 : limit; }

}  // namespace

Result<std::optional<uint64_t>> SqliteStore::ArticleHash(const std::string& id) {
  ASSIGN_OR_RETURN(reader, Borrow());
  ASSIGN_OR_RETURN(find, reader->Prepare("SELECT content_hash FROM articles WHERE id = ?1"));
  find->Bind(1, id);
  if (!find->Step()) {
    if (!find->status().ok()) return find->status();
    return std::optional<uint64_t>();
  }
  return std::optional<uint64_t>(static_cast<uint64_t>(find->Int(0)));
}

Result<Article> SqliteStore::GetArticle(const std::string& id) {
  ASSIGN_OR_RETURN(reader, Borrow());
  ReadTransaction read(*reader);
  RETURN_IF_ERROR(read.status());
  Article article;
  int64_t rowid = 0;
  {
    ASSIGN_OR_RETURN(row, reader->Prepare(std::string("SELECT ") + kArticleColumns +
                                          " FROM articles a WHERE a.id = ?1"));
    row->Bind(1, id);
    if (!row->Step()) {
      if (!row->status().ok()) return row->status();
      return Status::NotFound("no article " + id);
    }
    rowid = row->Int(0);
    article = ArticleAt(*row);
  }
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare("SELECT kind, text FROM paragraphs WHERE article = ?1 "
                                           "ORDER BY position"));
    rows->Bind(1, rowid);
    while (rows->Step()) {
      article.paragraphs.push_back(
          {static_cast<Paragraph::Kind>(rows->Int(0) >= 0 && rows->Int(0) <= 5 ? rows->Int(0) : 0),
           rows->Text(1)});
    }
    RETURN_IF_ERROR(rows->status());
  }
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare("SELECT type, text, canonical, paragraph, offset FROM "
                                           "entities WHERE article = ?1 ORDER BY position"));
    rows->Bind(1, rowid);
    while (rows->Step()) {
      Entity entity;
      entity.type =
          static_cast<Entity::Type>(rows->Int(0) >= 0 && rows->Int(0) <= 3 ? rows->Int(0) : 3);
      entity.text = rows->Text(1);
      entity.canonical = rows->Text(2);
      entity.paragraph = uint32_t(rows->Int(3));
      entity.offset = uint32_t(rows->Int(4));
      article.entities.push_back(std::move(entity));
    }
    RETURN_IF_ERROR(rows->status());
  }
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare("SELECT granularity, text, date, paragraph, offset "
                                           "FROM dates WHERE article = ?1 ORDER BY position"));
    rows->Bind(1, rowid);
    while (rows->Step()) {
      DateMention date;
      date.granularity = static_cast<DateMention::Granularity>(
          rows->Int(0) >= 0 && rows->Int(0) <= 3 ? rows->Int(0) : 0);
      date.text = rows->Text(1);
      date.date = rows->Text(2);
      date.paragraph = uint32_t(rows->Int(3));
      date.offset = uint32_t(rows->Int(4));
      article.dates.push_back(std::move(date));
    }
    RETURN_IF_ERROR(rows->status());
  }
  return article;
}

Result<std::vector<Article>> SqliteStore::GetArticleHeaders(const std::vector<std::string>& ids) {
  std::vector<Article> articles;
  if (ids.empty()) return articles;
  ASSIGN_OR_RETURN(reader, Borrow());
  ReadTransaction read(*reader);
  RETURN_IF_ERROR(read.status());
  ASSIGN_OR_RETURN(row, reader->Prepare(std::string("SELECT ") + kArticleColumns +
                                        " FROM articles a WHERE a.id = ?1"));
  articles.reserve(ids.size());
  for (const std::string& id : ids) {
    row->Bind(1, id);
    if (row->Step()) articles.push_back(ArticleAt(*row));
    RETURN_IF_ERROR(row->Run());  // resets for the next id
  }
  return articles;
}

Status SqliteStore::LoadMembers(Connection& connection, Story& story) {
  ASSIGN_OR_RETURN(
      rows,
      connection.Prepare("SELECT article FROM story_articles WHERE story = ?1 ORDER BY position"));
  rows->Bind(1, story.id);
  story.articles.clear();
  while (rows->Step()) story.articles.push_back(rows->Text(0));
  return rows->status();
}

Result<Story> SqliteStore::GetStory(const std::string& id) {
  ASSIGN_OR_RETURN(reader, Borrow());
  ReadTransaction read(*reader);
  RETURN_IF_ERROR(read.status());
  Story story;
  {
    ASSIGN_OR_RETURN(row, reader->Prepare(std::string("SELECT ") + kStoryColumns +
                                          " FROM stories s WHERE s.id = ?1"));
    row->Bind(1, id);
    if (!row->Step()) {
      if (!row->status().ok()) return row->status();
      return Status::NotFound("no story " + id);
    }
    story = StoryAt(*row, 0);
  }
  RETURN_IF_ERROR(LoadMembers(*reader, story));
  return story;
}

Result<std::vector<std::string>> SqliteStore::StoriesOfArticle(const std::string& id) {
  ASSIGN_OR_RETURN(reader, Borrow());
  ASSIGN_OR_RETURN(rows, reader->Prepare("SELECT story FROM story_articles WHERE article = ?1"));
  rows->Bind(1, id);
  std::vector<std::string> stories;
  while (rows->Step()) stories.push_back(rows->Text(0));
  RETURN_IF_ERROR(rows->status());
  return stories;
}

Result<std::vector<std::string>> SqliteStore::ArticleIdsInArrivalOrder() {
  ASSIGN_OR_RETURN(reader, Borrow());
  // A replaced article keeps its rowid, so rowids are the order of first arrival.
  ASSIGN_OR_RETURN(rows, reader->Prepare("SELECT id FROM articles ORDER BY rowid"));
  std::vector<std::string> ids;
  while (rows->Step()) ids.push_back(rows->Text(0));
  RETURN_IF_ERROR(rows->status());
  return ids;
}

Status SqliteStore::ScanAll(const std::function<void(const Article&)>& article,
                            const std::function<void(const Story&)>& story) {
  ASSIGN_OR_RETURN(reader, Borrow());
  ReadTransaction read(*reader);
  RETURN_IF_ERROR(read.status());
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare(std::string("SELECT ") + kArticleColumns +
                                           " FROM articles a ORDER BY a.rowid"));
    while (rows->Step()) article(ArticleAt(*rows));
    RETURN_IF_ERROR(rows->status());
  }
  // Members of every story at once: (story, position) is the table's key order.
  std::unordered_map<std::string, std::vector<std::string>> members;
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare("SELECT story, article FROM story_articles "
                                           "ORDER BY story, position"));
    while (rows->Step()) members[rows->Text(0)].push_back(rows->Text(1));
    RETURN_IF_ERROR(rows->status());
  }
  ASSIGN_OR_RETURN(rows,
                   reader->Prepare(std::string("SELECT ") + kStoryColumns + " FROM stories s"));
  while (rows->Step()) {
    Story next = StoryAt(*rows, 0);
    if (auto found = members.find(next.id); found != members.end()) {
      next.articles = std::move(found->second);
    }
    story(next);
  }
  return rows->status();
}

Result<StoryPage> SqliteStore::ListStories(const StoryListQuery& query) {
  std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories s";
  std::string match = ToFtsQuery(query.text);
  bool has_text = !TrimView(query.text).empty();
  StoryPage page;
  if (has_text && match.empty()) return page;  // only punctuation: nothing can match
  int next_parameter = 1;
  if (has_text) {
    sql += " JOIN stories_fts f ON f.rowid = s.rowid WHERE stories_fts MATCH ?1";
    next_parameter = 2;
  } else {
    sql += " WHERE 1";
  }
  double after_rank = 0;
  std::string after_id;
  bool has_cursor = !query.cursor.empty();
  if (has_cursor) {
    if (!DecodeStoryCursor(query.cursor, after_rank, after_id)) {
      return Status::InvalidArgument("bad cursor");
    }
    sql += " AND (s.rank < ?" + std::to_string(next_parameter) + " OR (s.rank = ?" +
           std::to_string(next_parameter) + " AND s.id > ?" + std::to_string(next_parameter + 1) +
           "))";
    next_parameter += 2;
  }
  Clause filter = StoryFilter(query.filter, next_parameter);
  sql += filter.sql;
  int limit = ClampLimit(query.limit);
  sql += " ORDER BY s.rank DESC, s.id LIMIT " + std::to_string(limit + 1);

  ASSIGN_OR_RETURN(reader, Borrow());
  ReadTransaction read(*reader);
  RETURN_IF_ERROR(read.status());
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare(sql));
    if (has_text) rows->Bind(1, match);
    if (has_cursor) {
      int first = has_text ? 2 : 1;
      rows->Bind(first, after_rank).Bind(first + 1, after_id);
    }
    filter.Bind(*rows);
    while (rows->Step()) page.stories.push_back(StoryAt(*rows, 0));
    RETURN_IF_ERROR(rows->status());
  }
  if (int(page.stories.size()) > limit) {
    page.stories.pop_back();
    page.next = EncodeStoryCursor(page.stories.back().rank, page.stories.back().id);
  }
  for (Story& story : page.stories) RETURN_IF_ERROR(LoadMembers(*reader, story));
  return page;
}

Result<std::vector<ArticleHit>> SqliteStore::SearchArticles(const SearchQuery& query) {
  std::vector<ArticleHit> hits;
  std::string match = ToFtsQuery(query.text);
  if (match.empty()) return hits;
  Clause filter = ArticleFilter(query.filter, 2);
  std::string sql = std::string("SELECT ") + kArticleColumns +
                    ", bm25(articles_fts, 10.0, 4.0, 1.0) AS score, "
                    "snippet(articles_fts, -1, '', '', ' … ', 16) FROM articles_fts "
                    "JOIN articles a ON a.rowid = articles_fts.rowid "
                    "WHERE articles_fts MATCH ?1" +
                    filter.sql + " ORDER BY score LIMIT " + std::to_string(ClampLimit(query.limit));
  ASSIGN_OR_RETURN(reader, Borrow());
  ASSIGN_OR_RETURN(rows, reader->Prepare(sql));
  rows->Bind(1, match);
  filter.Bind(*rows);
  while (rows->Step()) {
    ArticleHit hit;
    hit.article = ArticleAt(*rows);
    hit.score = -rows->Real(kArticleColumnCount);
    hit.snippet = rows->Text(kArticleColumnCount + 1);
    hits.push_back(std::move(hit));
  }
  RETURN_IF_ERROR(rows->status());
  return hits;
}

Result<std::vector<StoryHit>> SqliteStore::SearchStories(const SearchQuery& query) {
  std::vector<StoryHit> hits;
  std::string match = ToFtsQuery(query.text);
  if (match.empty()) return hits;
  Clause filter = StoryFilter(query.filter, 2);
  std::string sql = std::string("SELECT ") + kStoryColumns +
                    ", bm25(stories_fts, 10.0, 3.0, 2.0) AS score FROM stories_fts "
                    "JOIN stories s ON s.rowid = stories_fts.rowid "
                    "WHERE stories_fts MATCH ?1" +
                    filter.sql + " ORDER BY score LIMIT " + std::to_string(ClampLimit(query.limit));
  ASSIGN_OR_RETURN(reader, Borrow());
  ReadTransaction read(*reader);
  RETURN_IF_ERROR(read.status());
  {
    ASSIGN_OR_RETURN(rows, reader->Prepare(sql));
    rows->Bind(1, match);
    filter.Bind(*rows);
    while (rows->Step()) hits.push_back({StoryAt(*rows, 0), -rows->Real(kStoryColumnCount)});
    RETURN_IF_ERROR(rows->status());
  }
  for (StoryHit& hit : hits) RETURN_IF_ERROR(LoadMembers(*reader, hit.story));
  return hits;
}

Result<Stats> SqliteStore::GetStats() {
  ASSIGN_OR_RETURN(reader, Borrow());
  Stats stats;
  ASSIGN_OR_RETURN(articles, reader->QueryInt("SELECT count(*) FROM articles"));
  ASSIGN_OR_RETURN(stories, reader->QueryInt("SELECT count(*) FROM stories"));
  stats.articles = articles;
  stats.stories = stories;
  return stats;
}

Result<Facets> SqliteStore::GetFacets() {
  ASSIGN_OR_RETURN(reader, Borrow());
  Facets facets;
  for (auto [column, list] :
       {std::pair{"category", &facets.categories}, std::pair{"language", &facets.languages}}) {
    std::string sql = std::string("SELECT ") + column + ", count(*) AS n FROM stories GROUP BY " +
                      column + " ORDER BY n DESC, " + column + " LIMIT 100";
    ASSIGN_OR_RETURN(rows, reader->Prepare(sql));
    while (rows->Step()) list->push_back({rows->Text(0), rows->Int(1)});
    RETURN_IF_ERROR(rows->status());
  }
  return facets;
}

Result<uint64_t> SqliteStore::ChangeCounter() {
  std::lock_guard<std::mutex> lock(version_mutex_);
  if (version_reader_ == nullptr) {
    ASSIGN_OR_RETURN(connection, Connection::Open(path_));
    version_reader_ = std::move(connection);
  }
  // data_version only changes for commits by other connections: the writer's
  // own commits are seen too, as this connection never writes.
  ASSIGN_OR_RETURN(version, version_reader_->QueryInt("PRAGMA data_version"));
  return static_cast<uint64_t>(version);
}

Result<uint64_t> SqliteStore::ForeignChangeCounter() {
  std::lock_guard<std::mutex> lock(write_mutex_);
  // data_version on the writer moves only for commits by other connections;
  // the readers never write.
  ASSIGN_OR_RETURN(version, writer_->QueryInt("PRAGMA data_version"));
  return static_cast<uint64_t>(version);
}

Status SqliteStore::CheckIntegrity() {
  ASSIGN_OR_RETURN(reader, Borrow());
  ASSIGN_OR_RETURN(rows, reader->Prepare("PRAGMA integrity_check"));
  std::string problems;
  while (rows->Step()) {
    std::string line = rows->Text(0);
    if (line != "ok") problems += line + "; ";
  }
  RETURN_IF_ERROR(rows->status());
  if (!problems.empty()) return Status::Corruption(problems);
  return Status::Ok();
}

}  // namespace newsloom::store
