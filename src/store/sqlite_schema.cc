#include "store/sqlite_schema.h"

#include <string>
#include <vector>

namespace newsloom::store {

namespace {

// Migration i brings user_version from i to i + 1. Append, never edit.
const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> kMigrations = {
      // 1: articles with their paragraphs, entities and dates; stories and
      // their membership; full-text indexes over both.
      R"sql(
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash INTEGER NOT NULL,
  url TEXT NOT NULL, canonical_url TEXT NOT NULL, source TEXT NOT NULL,
  site_name TEXT NOT NULL, title TEXT NOT NULL, authors TEXT NOT NULL,
  published INTEGER, published_offset INTEGER, published_has_offset INTEGER,
  published_precision INTEGER,
  fetched INTEGER, fetched_offset INTEGER, fetched_has_offset INTEGER,
  fetched_precision INTEGER,
  time INTEGER NOT NULL,
  language TEXT NOT NULL, language_confidence REAL NOT NULL,
  description TEXT NOT NULL, is_news INTEGER NOT NULL, truncated INTEGER NOT NULL,
  category TEXT NOT NULL, category_confidence REAL NOT NULL,
  signature INTEGER NOT NULL, duplicate_of TEXT NOT NULL
);
CREATE INDEX articles_time ON articles(time);
CREATE INDEX articles_source ON articles(source);
CREATE TABLE paragraphs (
  article INTEGER NOT NULL, position INTEGER NOT NULL, kind INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article, position)
) WITHOUT ROWID;
CREATE TABLE entities (
  article INTEGER NOT NULL, position INTEGER NOT NULL, type INTEGER NOT NULL,
  text TEXT NOT NULL, canonical TEXT NOT NULL, paragraph INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  PRIMARY KEY (article, position)
) WITHOUT ROWID;
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE dates (
  article INTEGER NOT NULL, position INTEGER NOT NULL, granularity INTEGER NOT NULL,
  text TEXT NOT NULL, date TEXT NOT NULL, paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
  PRIMARY KEY (article, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, lead, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE stories (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL, category TEXT NOT NULL, language TEXT NOT NULL,
  rank REAL NOT NULL, first_seen INTEGER NOT NULL, last_updated INTEGER NOT NULL,
  merged_ids TEXT NOT NULL, sources TEXT NOT NULL, entities TEXT NOT NULL,
  timeline TEXT NOT NULL, summary TEXT NOT NULL, disagreements TEXT NOT NULL
);
CREATE INDEX stories_rank ON stories(rank DESC, id);
CREATE INDEX stories_category_rank ON stories(category, rank DESC, id);
CREATE TABLE story_articles (
  story TEXT NOT NULL, article TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (story, article)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article);
CREATE VIRTUAL TABLE stories_fts USING fts5(
  title, summary, entities, tokenize = 'unicode61 remove_diacritics 2');
)sql",
  };
  return kMigrations;
}

}  // namespace

int CurrentSchemaVersion() { return int(Migrations().size()); }

Status MigrateSchema(Connection& connection) {
  auto version = connection.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version > CurrentSchemaVersion()) {
    return Status::Unsupported("store schema version " + std::to_string(*version) +
                               " is newer than this newsloom (" +
                               std::to_string(CurrentSchemaVersion()) + ")");
  }
  for (int64_t next = *version; next < CurrentSchemaVersion(); ++next) {
    std::string sql = "BEGIN IMMEDIATE;\n" + Migrations()[size_t(next)] +
                      "\nPRAGMA user_version = " + std::to_string(next + 1) + ";\nCOMMIT;";
    Status status = connection.Exec(sql);
    if (!status.ok()) {
      connection.Exec("ROLLBACK");
      return status;
    }
  }
  return Status::Ok();
}

}  // namespace newsloom::store
