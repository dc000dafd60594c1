"""Page-kind labels of the WCXB benchmark, shared by the page-kind trainer and
the quality gate."""
import json
import os


def wcxb_page_type(wcxb_dir, page_id):
    """The page's primary type ("article", "forum", ...), or None when the page
    has no ground truth."""
    truth = os.path.join(wcxb_dir, "ground-truth", page_id + ".json")
    if not os.path.exists(truth):
        return None
    with open(truth, encoding="utf-8") as fh:
        page_type = json.load(fh).get("_internal", {}).get("page_type", "article")
    if isinstance(page_type, dict):
        page_type = page_type.get("primary", "article")
    return page_type
