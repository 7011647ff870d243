"""`/join/<code>`: where an invitation link lands in a browser.

The desktop app joins, not the browser, so the page says what the invitation is and how to
use it there, in both languages. Everything from the database is escaped.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from publisher.server.deps import SessionDep
from publisher.services import invitations
from publisher.services.errors import ServiceError

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>种草工作室 · Zhongcao Studio</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK SC", sans-serif; background: #f7f7f8; color: #222;
  margin: 0; display: flex; min-height: 100vh; align-items: center; justify-content: center; }}
main {{ background: #fff; border-radius: 16px; padding: 32px; max-width: 440px; margin: 16px;
  box-shadow: 0 4px 24px rgba(0,0,0,.06); }}
h1 {{ font-size: 20px; margin: 0 0 12px; }} p {{ line-height: 1.6; margin: 8px 0; }}
code {{ font-size: 20px; letter-spacing: 2px; background: #fff0f2; color: #d9304f;
  padding: 6px 10px; border-radius: 8px; display: inline-block; margin: 8px 0; }}
.en {{ color: #666; font-size: 14px; }}
</style></head><body><main>{body}</main></body></html>"""


@router.get("/join/{code}", response_class=HTMLResponse)
def join_page(code: str, session: SessionDep) -> HTMLResponse:
    try:
        found = invitations.describe(session, code)
    except ServiceError:
        body = (
            "<h1>邀请无效或已过期</h1><p>请向邀请你的人要一个新的邀请码。</p>"
            '<p class="en">This invitation is not valid any more: ask for a new one.</p>'
        )
        return HTMLResponse(_PAGE.format(body=body), status_code=404)
    name = escape(found.organization_name)
    body = (
        f"<h1>加入「{name}」</h1>"
        "<p>打开种草工作室 → 设置 → 团队 → 用邀请码加入，粘贴这个链接或输入邀请码：</p>"
        f"<code>{escape(found.code)}</code>"
        f'<p class="en">You are invited to {name}. In Zhongcao Studio open Settings → Team → '
        "Join with a code, and paste this link or type the code.</p>"
    )
    return HTMLResponse(_PAGE.format(body=body))
