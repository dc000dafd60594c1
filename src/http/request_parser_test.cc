#include "http/request_parser.h"

#include <gtest/gtest.h>

#include <random>

namespace newsloom::http {
namespace {

ParseResult Parse(std::string_view input, Request& request, Limits limits = {}) {
  return ParseRequest(input, limits, request);
}

TEST(RequestParserTest, ParsesRequestLineHeadersAndQuery) {
  Request request;
  std::string input =
      "GET /api/stories%2Fx?category=sports&q=a+b%21&flag HTTP/1.1\r\n"
      "Host: example\r\nX-Thing:  spaced value \r\n\r\n";
  ParseResult result = Parse(input, request);
  ASSERT_EQ(result.state, ParseResult::kComplete);
  EXPECT_EQ(result.consumed, input.size());
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.path, "/api/stories/x");
  EXPECT_EQ(request.Param("category"), "sports");
  EXPECT_EQ(request.Param("q"), "a b!");
  EXPECT_TRUE(request.HasParam("flag"));
  EXPECT_FALSE(request.HasParam("missing"));
  EXPECT_EQ(request.Header("host"), "example");
  EXPECT_EQ(request.Header("x-thing"), "spaced value");
  EXPECT_TRUE(request.KeepAlive());
}

TEST(RequestParserTest, WaitsForTheWholeHeadAndBody) {
  std::string input = "POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
  Request request;
  for (size_t cut = 0; cut < input.size(); ++cut) {
    EXPECT_EQ(Parse(input.substr(0, cut), request).state, ParseResult::kIncomplete) << cut;
  }
  ParseResult result = Parse(input + "GET /next HTTP/1.1\r\n\r\n", request);
  ASSERT_EQ(result.state, ParseResult::kComplete);
  EXPECT_EQ(result.consumed, input.size());
  EXPECT_EQ(request.body, "hello");
}

TEST(RequestParserTest, JoinsChunkedBodies) {
  Request request;
  std::string input =
      "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n";
  ParseResult result = Parse(input, request);
  ASSERT_EQ(result.state, ParseResult::kComplete);
  EXPECT_EQ(result.consumed, input.size());
  EXPECT_EQ(request.body, "hello world");
  for (size_t cut = 0; cut < input.size(); ++cut) {
    EXPECT_EQ(Parse(input.substr(0, cut), request).state, ParseResult::kIncomplete) << cut;
  }
}

TEST(RequestParserTest, AcceptsBareLineFeedsAndLeadingBlankLines) {
  Request request;
  ParseResult result = Parse("\r\n\nGET / HTTP/1.0\nConnection: keep-alive\n\n", request);
  ASSERT_EQ(result.state, ParseResult::kComplete);
  EXPECT_EQ(request.minor_version, 0);
  EXPECT_TRUE(request.KeepAlive());
  ASSERT_EQ(Parse("GET / HTTP/1.0\r\n\r\n", request).state, ParseResult::kComplete);
  EXPECT_FALSE(request.KeepAlive());
  ASSERT_EQ(Parse("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n", request).state,
            ParseResult::kComplete);
  EXPECT_FALSE(request.KeepAlive());
}

TEST(RequestParserTest, ReducesAbsoluteTargetsToTheirPath) {
  Request request;
  ASSERT_EQ(Parse("GET http://host:8080/a/b?x=1 HTTP/1.1\r\n\r\n", request).state,
            ParseResult::kComplete);
  EXPECT_EQ(request.path, "/a/b");
  EXPECT_EQ(request.Param("x"), "1");
  ASSERT_EQ(Parse("GET http://host HTTP/1.1\r\n\r\n", request).state, ParseResult::kComplete);
  EXPECT_EQ(request.path, "/");
}

TEST(RequestParserTest, ReportsAwaitedContinue) {
  Request request;
  ParseResult result =
      Parse("PUT /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", request);
  EXPECT_EQ(result.state, ParseResult::kIncomplete);
  EXPECT_TRUE(result.awaits_continue);
  result = Parse("PUT /a HTTP/1.1\r\nContent-Length: 3\r\n\r\n", request);
  EXPECT_FALSE(result.awaits_continue);
}

TEST(RequestParserTest, RejectsMalformedRequestsWithTheRightStatus) {
  struct Case {
    std::string input;
    int status;
  };
  std::string long_target = "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n";
  std::string many_headers = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 200; ++i) many_headers += "X-" + std::to_string(i) + ": 1\r\n";
  many_headers += "\r\n";
  for (const Case& c : std::vector<Case>{
           {"GET\r\n\r\n", 400},
           {"GET  / HTTP/1.1\r\n\r\n", 400},
           {"GET / HTTP/1.1 extra\r\n\r\n", 400},
           {"G(T / HTTP/1.1\r\n\r\n", 400},
           {"GET / HTTP/2.0\r\n\r\n", 505},
           {"GET / HTTX/1.1\r\n\r\n", 400},
           {"GET relative HTTP/1.1\r\n\r\n", 400},
           {"GET /a%00b HTTP/1.1\r\n\r\n", 400},
           {std::string("GET /a\x01 HTTP/1.1\r\n\r\n"), 400},
           {"GET / HTTP/1.1\r\nNo colon\r\n\r\n", 400},
           {"GET / HTTP/1.1\r\nBad name: 1\r\n\r\n", 400},
           {"GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n", 400},
           {"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
           {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400},
           {"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
           {"POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
           {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
           {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
           {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 400},
           {"POST / HTTP/1.1\r\nContent-Length: 9000000000\r\n\r\n", 413},
           {long_target, 414},
           {many_headers, 431},
           {"GET / HTTP/1.1\r\nX: " + std::string(70000, 'v'), 431},
       }) {
    Request request;
    ParseResult result = Parse(c.input, request);
    EXPECT_EQ(result.state, ParseResult::kError) << c.input.substr(0, 80);
    EXPECT_EQ(result.status, c.status) << c.input.substr(0, 80);
    EXPECT_FALSE(result.error.empty());
  }
}

TEST(RequestParserTest, LimitsChunkedBodies) {
  Limits limits;
  limits.max_body_bytes = 8;
  Request request;
  ParseResult result = Parse(
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\n", request, limits);
  EXPECT_EQ(result.state, ParseResult::kError);
  EXPECT_EQ(result.status, 413);
}

// Random bytes and random mutations of a valid request never crash the
// parser, and a complete parse never claims more bytes than it was given.
TEST(RequestParserTest, SurvivesRandomInput) {
  std::mt19937 random(7);
  std::string valid =
      "POST /api/articles?id=a%20b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
      "4\r\nbody\r\n0\r\n\r\n";
  for (int round = 0; round < 20000; ++round) {
    std::string input = valid;
    int edits = 1 + int(random() % 8);
    for (int e = 0; e < edits; ++e) {
      size_t at = random() % (input.size() + 1);
      switch (random() % 3) {
        case 0:
          input.insert(at, 1, char(random() % 256));
          break;
        case 1:
          if (at < input.size()) input.erase(at, 1);
          break;
        default:
          if (at < input.size()) input[at] = char(random() % 256);
          break;
      }
    }
    if (round % 4 == 0) {
      input.resize(random() % 200);
      for (char& c : input) c = char(random() % 256);
    }
    Request request;
    ParseResult result = ParseRequest(input, Limits(), request);
    if (result.state == ParseResult::kComplete) {
      EXPECT_LE(result.consumed, input.size());
      EXPECT_GT(result.consumed, 0u);
    }
  }
}

}  // namespace
}  // namespace newsloom::http
