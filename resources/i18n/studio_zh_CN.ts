<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountPicker</name>
    <message>
        <source>Search accounts</source>
        <translation>搜索账号</translation>
    </message>
    <message>
        <source>No account matches.</source>
        <translation>没有匹配的账号。</translation>
    </message>
</context>
<context>
    <name>AccountScope</name>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
</context>
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>Choose whose notes and calendar to show</source>
        <translation>选择要查看哪个账号的笔记和日历</translation>
    </message>
    <message>
        <source>Showing</source>
        <translation>当前查看</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Changes are against the previous period. Double-click an account to look at it alone.</source>
        <translation>涨跌均与上一周期相比。双击账号可单独查看。</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>AdjustPanel</name>
    <message>
        <source>Adjust</source>
        <translation>调节</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <source>Set every slider back to 0</source>
        <translation>把所有滑杆恢复为 0</translation>
    </message>
</context>
<context>
    <name>AdjustSliders</name>
    <message>
        <source>Light</source>
        <translation>光影</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高光</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Fade</source>
        <translation>褪色</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色彩</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>色温</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>色调</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>Vibrance</source>
        <translation>自然饱和度</translation>
    </message>
    <message>
        <source>Detail &amp; effects</source>
        <translation>细节与效果</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>暗角</translation>
    </message>
    <message>
        <source>Grain</source>
        <translation>颗粒</translation>
    </message>
</context>
<context>
    <name>AnalyticsExports</name>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>文件无法保存：{reason}</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Analytics</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Import platform data…</source>
        <translation>导入平台数据…</translation>
    </message>
    <message>
        <source>Read a data-center export (CSV or Excel) downloaded from the platform</source>
        <translation>读取从平台数据中心下载的导出文件（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The figures in view refresh by themselves every half minute</source>
        <translation>当前显示的数据每半分钟自动刷新</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Best times</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>No figures for this period yet</source>
        <translation>这段时间还没有数据</translation>
    </message>
    <message>
        <source>Figures appear here once readers see your published notes. Publish a note, import the data-center export you downloaded from the platform, or run “python main.py demo” to explore the studio with sample data.</source>
        <translation>读者看到你发布的笔记后，数据就会显示在这里。你可以发布一篇笔记、导入从平台数据中心下载的导出文件，或运行“python main.py demo”用示例数据体验。</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>话题数据</translation>
    </message>
    <message>
        <source>best-times</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>followers</source>
        <translation>粉丝数据</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>账号数据</translation>
    </message>
    <message>
        <source>Figures of {scope}</source>
        <translation>{scope}的数据</translation>
    </message>
    <message>
        <source>The figures could not be loaded. {reason}</source>
        <translation>数据加载失败。{reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>AnalyticsTables</name>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Double-click to look at it alone</source>
        <translation>双击单独查看</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝</translation>
    </message>
    <message>
        <source>Views by day</source>
        <translation>每日观看</translation>
    </message>
    <message>
        <source>Slipping</source>
        <translation>下滑</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>达人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>{figure} change</source>
        <translation>{figure}涨跌</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Views per note</source>
        <translation>篇均观看</translation>
    </message>
</context>
<context>
    <name>AnalyticsWeekdays</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>BackendCard</name>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Where your notes, photos and collaborations are kept.</source>
        <translation>你的笔记、照片和合作保存在哪里。</translation>
    </message>
    <message>
        <source>This computer (embedded)</source>
        <translation>本机（内置后端）</translation>
    </message>
    <message>
        <source>Everything stays in this computer&apos;s data folder, and only you work on it.</source>
        <translation>所有内容都保存在本机的数据文件夹中，只有你自己使用。</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>Run campaigns together with brands, creators and MCN staff: everyone signs in to the same server and sees only their part.</source>
        <translation>与品牌方、创作者和 MCN 同事一起推进合作：大家登录同一台服务器，各自只看到与自己相关的部分。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open reader pages</source>
        <translation>打开读者页面</translation>
    </message>
    <message>
        <source>The feed of your published public notes, as readers see it in a browser</source>
        <translation>已发布公开笔记的信息流，和读者在浏览器里看到的一样</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Use this computer again</source>
        <translation>改回使用本机</translation>
    </message>
    <message>
        <source>This address is not encrypted (http): your password and your work would cross the network readable by others. Use https:// unless the server is on a network you trust.</source>
        <translation>此地址未加密（http）：你的密码和作品会以明文在网络上传输，可能被他人读取。除非服务器位于你信任的网络中，否则请使用 https://。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>You were signed out of {url}: the sign-in expired or was revoked.</source>
        <translation>你已从 {url} 退出登录：登录已过期或已被撤销。</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Embedded, listening on {url}</source>
        <translation>内置后端，监听于 {url}</translation>
    </message>
</context>
<context>
    <name>BackendStatus</name>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Offline — retrying</source>
        <translation>离线 — 正在重试</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
</context>
<context>
    <name>BrandBox</name>
    <message>
        <source>Brand kit</source>
        <translation>品牌套件</translation>
    </message>
    <message>
        <source>Logo watermark</source>
        <translation>Logo 水印</translation>
    </message>
    <message>
        <source>Corner</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>左上角</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>右上角</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>左下角</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>右下角</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Brand colours</source>
        <translation>品牌色</translation>
    </message>
    <message>
        <source>Use brand kit colours</source>
        <translation>使用品牌套件配色</translation>
    </message>
    <message>
        <source>Texts and shapes set to brand colours take the current kit&apos;s colours</source>
        <translation>设为品牌色的文字和形状将使用当前套件的颜色</translation>
    </message>
    <message>
        <source>The brand kit&apos;s logo, drawn above everything.</source>
        <translation>品牌套件的 Logo，显示在最上层。</translation>
    </message>
    <message>
        <source>The brand kit has no logo yet: add one in Settings → Brand kit.</source>
        <translation>品牌套件还没有 Logo：请在“设置 → 品牌套件”中添加。</translation>
    </message>
    <message>
        <source>This photo uses the brand kit&apos;s colours.</source>
        <translation>这张图片使用了品牌套件的配色。</translation>
    </message>
    <message>
        <source>This photo was made with other brand colours.</source>
        <translation>这张图片使用的是其他品牌配色。</translation>
    </message>
</context>
<context>
    <name>BrandKitCard</name>
    <message>
        <source>Brand kit</source>
        <translation>品牌套件</translation>
    </message>
    <message>
        <source>The colours, title font and logo of an organization. Templates that name brand colours take them, so changing the kit restyles every cover made with it.</source>
        <translation>一个组织的品牌色、标题字体和 Logo。使用品牌色的模板会采用这些设置，修改套件即可让用它制作的封面统一换装。</translation>
    </message>
    <message>
        <source>Sans-serif (黑体)</source>
        <translation>黑体</translation>
    </message>
    <message>
        <source>Serif (宋体)</source>
        <translation>宋体</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Upload PNG…</source>
        <translation>上传 PNG…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>A PNG with a transparent background; it is placed as a watermark.</source>
        <translation>透明背景的 PNG 图片，将作为水印放置。</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Kit name</source>
        <translation>套件名称</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Title font</source>
        <translation>标题字体</translation>
    </message>
    <message>
        <source>Live sample</source>
        <translation>实时预览</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Save kit</source>
        <translation>保存套件</translation>
    </message>
    <message>
        <source>Uploading the logo…</source>
        <translation>正在上传 Logo…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved. Covers drawn with brand colours use it now.</source>
        <translation>已保存。使用品牌色的封面现在会采用新套件。</translation>
    </message>
    <message>
        <source>Your changes were not saved: put them back to save them over it.</source>
        <translation>你的修改尚未保存：可以恢复你的修改后再覆盖保存。</translation>
    </message>
    <message>
        <source>Put my changes back</source>
        <translation>恢复我的修改</translation>
    </message>
    <message>
        <source>Brand colour: {role}</source>
        <translation>品牌色：{role}</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>选择 Logo</translation>
    </message>
    <message>
        <source>PNG pictures (*.png);;All files (*)</source>
        <translation>PNG 图片 (*.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>MCN</source>
        <translation>MCN</translation>
    </message>
    <message>
        <source>brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Save or revert the changes first.</source>
        <translation>请先保存或还原修改。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Only the owners, admins and editors of {name} can change its kit.</source>
        <translation>只有 {name} 的所有者、管理员和编辑可以修改它的套件。</translation>
    </message>
</context>
<context>
    <name>BrandSwatches</name>
    <message>
        <source>Primary</source>
        <translation>主色</translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation>辅色</translation>
    </message>
    <message>
        <source>Accent</source>
        <translation>强调色</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
</context>
<context>
    <name>BriefCard</name>
    <message>
        <source>{count} × image note</source>
        <translation>{count} 篇图文笔记</translation>
    </message>
    <message>
        <source>{count} × video note</source>
        <translation>{count} 篇视频笔记</translation>
    </message>
    <message>
        <source>apply by {when}</source>
        <translation>{when} 前报名</translation>
    </message>
    <message>
        <source>publish by {when}</source>
        <translation>{when} 前发布</translation>
    </message>
    <message>
        <source>No creators yet</source>
        <translation>暂无达人</translation>
    </message>
</context>
<context>
    <name>BriefDetails</name>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>图文</translation>
    </message>
    <message>
        <source>{count} × {kind} note</source>
        <translation>{count} 篇{kind}笔记</translation>
    </message>
    <message>
        <source>{count} product(s)</source>
        <translation>{count} 个商品</translation>
    </message>
    <message>
        <source>≥ {count} followers</source>
        <translation>粉丝 ≥ {count}</translation>
    </message>
    <message>
        <source>Apply by {time}</source>
        <translation>{time} 前报名</translation>
    </message>
    <message>
        <source>Publish {window}</source>
        <translation>发布时间 {window}</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付内容</translation>
    </message>
    <message>
        <source>{count} note(s)</source>
        <translation>{count} 篇笔记</translation>
    </message>
    <message>
        <source>Apply by</source>
        <translation>报名截止</translation>
    </message>
    <message>
        <source>Publish from</source>
        <translation>最早发布</translation>
    </message>
    <message>
        <source>Publish until</source>
        <translation>最晚发布</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保护期</translation>
    </message>
    <message>
        <source>{days} day(s) after publishing</source>
        <translation>发布后 {days} 天</translation>
    </message>
    <message>
        <source>Review time</source>
        <translation>审核时长</translation>
    </message>
    <message>
        <source>{hours} hour(s)</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>The brief</source>
        <translation>合作需求</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>核心卖点</translation>
    </message>
    <message>
        <source>Required topics</source>
        <translation>必带话题</translation>
    </message>
    <message>
        <source>Required mentions</source>
        <translation>必须 @ 的账号</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Don&apos;t</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>Forbidden words</source>
        <translation>违禁词</translation>
    </message>
</context>
<context>
    <name>BriefEditor</name>
    <message>
        <source>Edit brief</source>
        <translation>编辑需求</translation>
    </message>
    <message>
        <source>New brief</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Create brief</source>
        <translation>创建需求</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>e.g. Autumn latte launch</source>
        <translation>如：秋季拿铁上新</translation>
    </message>
    <message>
        <source>Campaign this brief belongs to (optional)</source>
        <translation>所属营销活动（选填）</translation>
    </message>
    <message>
        <source>What the notes are about, the story to tell, the audience…</source>
        <translation>笔记要讲什么、想讲的故事、目标人群…</translation>
    </message>
    <message>
        <source>By invitation: you pick the creators</source>
        <translation>定向邀约：由你挑选达人</translation>
    </message>
    <message>
        <source>Open recruitment: creators apply with a quote</source>
        <translation>公开招募：达人报价报名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>需求描述</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>合作方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>交付内容</translation>
    </message>
    <message>
        <source>What each creator makes and features.</source>
        <translation>每位达人需要创作并展示的内容。</translation>
    </message>
    <message>
        <source>Image notes</source>
        <translation>图文笔记</translation>
    </message>
    <message>
        <source>Video notes</source>
        <translation>视频笔记</translation>
    </message>
    <message>
        <source>per creator</source>
        <translation>/ 每位达人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Content requirements</source>
        <translation>内容要求</translation>
    </message>
    <message>
        <source>Type and press Enter; separate several with commas.</source>
        <translation>输入后按回车；多个之间用逗号分隔。</translation>
    </message>
    <message>
        <source>No required topics</source>
        <translation>暂无必带话题</translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation>添加话题</translation>
    </message>
    <message>
        <source>No required mentions</source>
        <translation>暂无必须@的账号</translation>
    </message>
    <message>
        <source>Add an account to mention</source>
        <translation>添加要@的账号</translation>
    </message>
    <message>
        <source>No key messages</source>
        <translation>暂无核心卖点</translation>
    </message>
    <message>
        <source>Add a selling point the note must say</source>
        <translation>添加笔记必须提到的卖点</translation>
    </message>
    <message>
        <source>No forbidden words</source>
        <translation>没有违禁词</translation>
    </message>
    <message>
        <source>Add a word</source>
        <translation>添加词语</translation>
    </message>
    <message>
        <source>No do&apos;s</source>
        <translation>暂无建议</translation>
    </message>
    <message>
        <source>Add a do</source>
        <translation>添加建议</translation>
    </message>
    <message>
        <source>No don&apos;ts</source>
        <translation>暂无禁忌</translation>
    </message>
    <message>
        <source>Add a don&apos;t</source>
        <translation>添加禁忌</translation>
    </message>
    <message>
        <source>Required topics</source>
        <translation>必带话题</translation>
    </message>
    <message>
        <source>Required mentions</source>
        <translation>必须 @ 的账号</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>核心卖点</translation>
    </message>
    <message>
        <source>Forbidden words</source>
        <translation>违禁词</translation>
    </message>
    <message>
        <source>Do&apos;s</source>
        <translation>建议做</translation>
    </message>
    <message>
        <source>Don&apos;ts</source>
        <translation>请勿做</translation>
    </message>
    <message>
        <source>Fee and creators</source>
        <translation>费用与达人要求</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>per note</source>
        <translation>/ 篇</translation>
    </message>
    <message>
        <source>e.g. food, beauty (any when empty)</source>
        <translation>如：美食、美妆（留空则不限）</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>e.g. 上海 (any when empty)</source>
        <translation>如：上海（留空则不限）</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>合作费用</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间安排</translation>
    </message>
    <message>
        <source>Times are Beijing time (Asia/Shanghai).</source>
        <translation>时间均为北京时间（Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>After publishing, the note may not be deleted or archived for this long.</source>
        <translation>笔记发布后，在此期间内不可删除或归档。</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>How long your team takes to review a submission.</source>
        <translation>团队审核一次提交所需的时间。</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>报名截止</translation>
    </message>
    <message>
        <source>Publish window</source>
        <translation>发布窗口</translation>
    </message>
    <message>
        <source>Protection period</source>
        <translation>保护期</translation>
    </message>
    <message>
        <source>Review time</source>
        <translation>审核时长</translation>
    </message>
    <message>
        <source>Draft: only your team sees it</source>
        <translation>草稿：仅团队可见</translation>
    </message>
    <message>
        <source>Open: takes invitations and applications</source>
        <translation>招募中：可邀请、可报名</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>BriefsTab</name>
    <message>
        <source>Cancel collaboration</source>
        <translation>取消合作</translation>
    </message>
    <message>
        <source>Brief creators as a brand</source>
        <translation>以品牌身份向达人发布需求</translation>
    </message>
    <message>
        <source>Create a brand organization to write briefs, invite creators or recruit them, and review their notes before they go out.</source>
        <translation>创建品牌组织后，即可撰写合作需求、邀请或招募达人，并在笔记发布前审核内容。</translation>
    </message>
    <message>
        <source>Brand name, e.g. 山野咖啡</source>
        <translation>品牌名称，如：山野咖啡</translation>
    </message>
    <message>
        <source>Create a brand organization…</source>
        <translation>创建品牌组织…</translation>
    </message>
    <message>
        <source>Briefs</source>
        <translation>合作需求</translation>
    </message>
    <message>
        <source>What you ask creators for, and who answered</source>
        <translation>你向达人提出的需求，以及谁已响应</translation>
    </message>
    <message>
        <source>New brief</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <source>No brief selected</source>
        <translation>未选择需求</translation>
    </message>
    <message>
        <source>Pick a brief on the left to see its creators.</source>
        <translation>在左侧选择一个需求，查看参与的达人。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Invite creators…</source>
        <translation>邀请达人…</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>达人</translation>
    </message>
    <message>
        <source>{brand}: what you ask creators for, and who answered</source>
        <translation>{brand}：你向达人提出的需求，以及谁已响应</translation>
    </message>
    <message>
        <source>No briefs yet. “New brief” writes the first one.</source>
        <translation>还没有合作需求。点击“新建需求”写下第一个。</translation>
    </message>
    <message>
        <source>Open the brief to invite creators.</source>
        <translation>将需求设为招募中后才能邀请达人。</translation>
    </message>
    <message>
        <source>Nobody yet. Invite creators to this brief.</source>
        <translation>还没有人。邀请达人参与这个需求吧。</translation>
    </message>
    <message>
        <source>No applications yet. Creators who match the brief see it and apply.</source>
        <translation>还没有报名。符合条件的达人会看到这个需求并报名。</translation>
    </message>
    <message>
        <source>{fee} per note</source>
        <translation>每篇 {fee}</translation>
    </message>
    <message>
        <source>apply by {when}</source>
        <translation>{when} 前报名</translation>
    </message>
    <message>
        <source>publish {window}</source>
        <translation>发布时间 {window}</translation>
    </message>
    <message>
        <source>protected {days} days</source>
        <translation>保护期 {days} 天</translation>
    </message>
    <message>
        <source>End the collaboration with {name}? This cannot be undone.</source>
        <translation>确定结束与 {name} 的合作吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>BulkActionBar</name>
    <message>
        <source>Schedule across accounts…</source>
        <translation>跨账号排期…</translation>
    </message>
    <message>
        <source>Apply preset…</source>
        <translation>应用预设…</translation>
    </message>
    <message>
        <source>Move to account…</source>
        <translation>移到其他账号…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Plan notes in a spreadsheet: account, time, title, body, topics, photo files (账号, 发布时间, 标题, 正文, 话题, 图片).</source>
        <translation>在表格里规划笔记：账号、发布时间、标题、正文、话题、图片文件（account, time, title, body, topics, images）。</translation>
    </message>
    <message>
        <source>Selected: {count}</source>
        <translation>已选：{count}</translation>
    </message>
    <message>
        <source>Select notes (Ctrl or Shift and click) to work on several at once.</source>
        <translation>按住 Ctrl 或 Shift 点击可选中多篇笔记，一次处理。</translation>
    </message>
    <message>
        <source>Import planned notes</source>
        <translation>导入笔记计划</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>“{file}” cannot be imported: {reason}</source>
        <translation>无法导入“{file}”：{reason}</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>已中止：{reason}</translation>
    </message>
</context>
<context>
    <name>BulkDuplicates</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Similar content on your accounts: {count}</source>
        <translation>你的账号里有相似内容：{count} 组</translation>
    </message>
    <message>
        <source>The platform shows the same photos or text on several accounts less. Change one of each pair, or schedule anyway.</source>
        <translation>同样的图片或文字出现在多个账号上，平台会减少推荐。请修改每组中的一篇，或仍然定时发布。</translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>……还有 {count} 组</translation>
    </message>
</context>
<context>
    <name>BulkLabels</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>BulkScheduleDialog</name>
    <message>
        <source>Schedule across accounts</source>
        <translation>跨账号排期</translation>
    </message>
    <message>
        <source>Schedule across accounts — notes: {notes}, accounts: {accounts}</source>
        <translation>跨账号排期 — 笔记：{notes}，账号：{accounts}</translation>
    </message>
    <message>
        <source>Days (Beijing time)</source>
        <translation>日期（北京时间）</translation>
    </message>
    <message>
        <source>At least, between two posts of an account</source>
        <translation>同一账号两篇之间至少间隔</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>At most, posts per account a day</source>
        <translation>每个账号每天最多发布</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>篇</translation>
    </message>
    <message>
        <source>on each account&apos;s own clock</source>
        <translation>按各账号所在时区</translation>
    </message>
    <message>
        <source>Posting hours</source>
        <translation>发布时段</translation>
    </message>
    <message>
        <source>Vary the minutes a little, so the times do not look automated</source>
        <translation>分钟数略作错开，避免时间看起来像机器发布</translation>
    </message>
    <message>
        <source>Reading the accounts&apos; calendars…</source>
        <translation>正在读取各账号的排期…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Notes with a time: {placed} of {total}.</source>
        <translation>已安排时间的笔记：{placed} / {total}。</translation>
    </message>
    <message>
        <source>Without room: {count}. Take more days, allow more posts a day or a shorter gap.</source>
        <translation>排不下：{count}。可以增加天数、提高每天篇数或缩短间隔。</translation>
    </message>
    <message>
        <source>Schedule ({count})</source>
        <translation>排期（{count}）</translation>
    </message>
    <message>
        <source>Scheduling…</source>
        <translation>正在排期…</translation>
    </message>
    <message>
        <source>Scheduled for {time}</source>
        <translation>定时 {time} 发布</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Scheduled: {done}. Not scheduled: {failed}.</source>
        <translation>已定时：{done}。未定时：{failed}。</translation>
    </message>
</context>
<context>
    <name>CalendarChip</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Published: post it by hand from its publish package.</source>
        <translation>已发布：请用发布包手动发到平台。</translation>
    </message>
    <message>
        <source>Brand collaboration</source>
        <translation>品牌合作</translation>
    </message>
    <message>
        <source>Protected until {date}</source>
        <translation>保护期至 {date}</translation>
    </message>
    <message>
        <source>Collab</source>
        <translation>合作</translation>
    </message>
    <message>
        <source>Open note</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <source>Publish package…</source>
        <translation>发布包…</translation>
    </message>
    <message>
        <source>Public page…</source>
        <translation>公开页面…</translation>
    </message>
</context>
<context>
    <name>CalendarDayCell</name>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 篇</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>发布日历</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Times in each account&apos;s time zone</source>
        <translation>时间按各账号所在时区显示</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month:02d}月</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>发布节奏</translation>
    </message>
    <message>
        <source>No pacing issues in this view.</source>
        <translation>当前范围内发布节奏正常。</translation>
    </message>
    <message>
        <source>To post by hand</source>
        <translation>待手动发布</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>{account} · published {time} · open its publish package</source>
        <translation>{account} · {time} 已发布 · 打开发布包</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 条</translation>
    </message>
    <message>
        <source>{account}, {day}: {count} notes in one day; at most {max} a day is advised.</source>
        <translation>{account} · {day}：一天安排了 {count} 篇笔记，建议每天不超过 {max} 篇。</translation>
    </message>
    <message>
        <source>{account}, {day}: notes only {minutes} min apart; leave at least {min_minutes} min.</source>
        <translation>{account} · {day}：两篇笔记仅间隔 {minutes} 分钟，建议至少间隔 {min_minutes} 分钟。</translation>
    </message>
    <message>
        <source>Only scheduled notes can be moved.</source>
        <translation>只有已定时的笔记可以拖动改期。</translation>
    </message>
</context>
<context>
    <name>CampaignFunnel</name>
    <message>
        <source>Per order {amount}</source>
        <translation>客单价 {amount}</translation>
    </message>
    <message>
        <source>{after} ÷ {before} {rate}</source>
        <translation>{after} ÷ {before} {rate}</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <source>Record spend…</source>
        <translation>记录投放…</translation>
    </message>
    <message>
        <source>Loading campaigns…</source>
        <translation>正在加载活动…</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>转化漏斗</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>每日趋势</translation>
    </message>
    <message>
        <source>By creator</source>
        <translation>按达人</translation>
    </message>
    <message>
        <source>By note</source>
        <translation>按笔记</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Campaigns cannot be shown</source>
        <translation>无法显示活动</translation>
    </message>
    <message>
        <source>You have no campaigns yet</source>
        <translation>还没有合作活动</translation>
    </message>
    <message>
        <source>A campaign is a brief and the notes creators publish for it. Write a brief on the Collaborations page, or take one on as a creator: its funnel, spend and return show here once notes are out.</source>
        <translation>活动就是一份合作需求和达人为它发布的笔记。在“合作”页写一份需求，或以达人身份接下一份：笔记发布后，转化漏斗、投放和回报会显示在这里。</translation>
    </message>
    <message>
        <source>Only the brand records spend on its campaigns.</source>
        <translation>只有品牌方可以记录活动的投放。</translation>
    </message>
    <message>
        <source>This campaign cannot be shown</source>
        <translation>无法显示该活动</translation>
    </message>
    <message>
        <source>Notes published: {count} · {start} – {end}</source>
        <translation>已发布笔记：{count} · {start} – {end}</translation>
    </message>
    <message>
        <source>No notes published yet</source>
        <translation>还没有已发布的笔记</translation>
    </message>
    <message>
        <source>The funnel, ROI and the tables fill in once a creator&apos;s note for this brief is published. Spend paid in advance can be recorded already.</source>
        <translation>达人为这份需求发布笔记后，这里会显示转化漏斗、ROI 和明细表。提前支付的投放现在就可以记录。</translation>
    </message>
    <message>
        <source>funnel</source>
        <translation>转化漏斗</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>达人</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>CandidateTile</name>
    <message>
        <source>Use the frame at {time} as the cover</source>
        <translation>将 {time} 的画面设为封面</translation>
    </message>
    <message>
        <source>Frame at {time}</source>
        <translation>{time} 的画面</translation>
    </message>
</context>
<context>
    <name>CheckWords</name>
    <message>
        <source>Photo note</source>
        <translation>图文笔记</translation>
    </message>
    <message>
        <source>Video note</source>
        <translation>视频笔记</translation>
    </message>
    <message>
        <source>Note type: {actual}</source>
        <translation>笔记类型：{actual}</translation>
    </message>
    <message>
        <source>The brief asks for: {expected}</source>
        <translation>Brief 要求：{expected}</translation>
    </message>
    <message>
        <source>Required topics</source>
        <translation>必带话题</translation>
    </message>
    <message>
        <source>Required mentions</source>
        <translation>必须 @ 的账号</translation>
    </message>
    <message>
        <source>Missing: {names}</source>
        <translation>缺少：{names}</translation>
    </message>
    <message>
        <source>Key message “{message}”</source>
        <translation>核心信息“{message}”</translation>
    </message>
    <message>
        <source>Said in the note</source>
        <translation>笔记中已提及</translation>
    </message>
    <message>
        <source>Words not found: {names}</source>
        <translation>未找到的词：{names}</translation>
    </message>
    <message>
        <source>No forbidden words</source>
        <translation>没有违禁词</translation>
    </message>
    <message>
        <source>Forbidden words found</source>
        <translation>发现违禁词</translation>
    </message>
    <message>
        <source>Marked as a brand collaboration</source>
        <translation>已标注品牌合作</translation>
    </message>
    <message>
        <source>Not marked as a brand collaboration</source>
        <translation>未标注品牌合作</translation>
    </message>
    <message>
        <source>The collaboration label (合作) must be switched on.</source>
        <translation>需要打开“合作”标注。</translation>
    </message>
    <message>
        <source>Not linked: {names}</source>
        <translation>未挂载：{names}</translation>
    </message>
    <message>
        <source>The brief&apos;s products</source>
        <translation>Brief 指定商品</translation>
    </message>
    <message>
        <source>“{word}” ×{count} in “…{context}…”</source>
        <translation>“{word}” 出现 {count} 次：“…{context}…”</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text length</source>
        <translation>正文字数</translation>
    </message>
    <message>
        <source>Number of images</source>
        <translation>图片数量</translation>
    </message>
    <message>
        <source>Image format</source>
        <translation>图片格式</translation>
    </message>
    <message>
        <source>Image file size</source>
        <translation>图片文件大小</translation>
    </message>
    <message>
        <source>Image shape</source>
        <translation>图片比例</translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation>图片清晰度</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Video format</source>
        <translation>视频格式</translation>
    </message>
    <message>
        <source>Video file size</source>
        <translation>视频文件大小</translation>
    </message>
    <message>
        <source>Video shape</source>
        <translation>视频比例</translation>
    </message>
    <message>
        <source>Video length</source>
        <translation>视频时长</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Publishing time</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Brand brief</source>
        <translation>品牌合作要求</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Fix the items marked ✕ before publishing.</source>
        <translation>请先修改标有 ✕ 的项目再发布。</translation>
    </message>
    <message>
        <source>Ready — {count} suggestion(s) below.</source>
        <translation>可以发布，下面有 {count} 条建议。</translation>
    </message>
    <message>
        <source>Ready to publish.</source>
        <translation>可以发布。</translation>
    </message>
    <message>
        <source>Could not check: {reason}</source>
        <translation>无法检查：{reason}</translation>
    </message>
</context>
<context>
    <name>ClipPanel</name>
    <message>
        <source>Clip</source>
        <translation>剪辑</translation>
    </message>
    <message>
        <source>Click a clip on the timeline to change its speed or sound, split or delete it.</source>
        <translation>点击时间线上的片段，即可调整倍速和声音，或将其分割、删除。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>Slower or faster, from half to double speed; double-click for normal speed</source>
        <translation>放慢或加快，范围 0.5 到 2 倍速；双击恢复原速</translation>
    </message>
    <message>
        <source>Keep sound</source>
        <translation>保留声音</translation>
    </message>
    <message>
        <source>Same pitch at any speed</source>
        <translation>变速不变调</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>No sound from this clip</source>
        <translation>关闭这个片段的声音</translation>
    </message>
    <message>
        <source>Split at playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <source>Cut this clip in two where the playhead is</source>
        <translation>在播放头位置把这个片段一分为二</translation>
    </message>
    <message>
        <source>Delete clip</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>分割与删除</translation>
    </message>
    <message>
        <source>＋  Add video…</source>
        <translation>＋  添加视频…</translation>
    </message>
    <message>
        <source>Add another video after the last clip</source>
        <translation>在最后一个片段之后再添加一个视频</translation>
    </message>
    <message>
        <source>More videos</source>
        <translation>更多视频</translation>
    </message>
    <message>
        <source>Each video you add becomes a clip at the end of the timeline.</source>
        <translation>添加的每个视频都会成为时间线末尾的一个片段。</translation>
    </message>
    <message>
        <source>Clip {number} of {count}</source>
        <translation>第 {number}/{count} 段</translation>
    </message>
    <message>
        <source>{start} – {end} of its video · plays for {length}</source>
        <translation>取自原视频 {start} – {end} · 播放 {length}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>Take this clip off the timeline</source>
        <translation>从时间线上移除这个片段</translation>
    </message>
    <message>
        <source>A video keeps at least one clip</source>
        <translation>视频至少要保留一个片段</translation>
    </message>
</context>
<context>
    <name>CollabNoteDelegate</name>
    <message>
        <source>Protected until {date}</source>
        <translation>保护期至 {date}</translation>
    </message>
    <message>
        <source>Collab</source>
        <translation>合作</translation>
    </message>
</context>
<context>
    <name>CollabWording</name>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>创作中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>已要求修改</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已定时</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已婉拒</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Cancel collaboration</source>
        <translation>取消合作</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>要求修改</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>By invitation</source>
        <translation>定向邀约</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <translation>公开招募</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>@ 提及</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>第 {number} 张图</translation>
    </message>
    <message>
        <source>Whole note</source>
        <translation>整篇笔记</translation>
    </message>
    <message>
        <source>Round {round}</source>
        <translation>第 {round} 轮</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>Overdue by {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余 {span}</translation>
    </message>
    <message>
        <source>Answer the invitation</source>
        <translation>请回复邀约</translation>
    </message>
    <message>
        <source>Brand review due {time}</source>
        <translation>品牌方需在 {time} 前审核</translation>
    </message>
    <message>
        <source>Publish within {window}</source>
        <translation>请在 {window} 内发布</translation>
    </message>
    <message>
        <source>Protected until {date}</source>
        <translation>保护期至 {date}</translation>
    </message>
</context>
<context>
    <name>CollaborationRow</name>
    <message>
        <source>{followers} followers</source>
        <translation>{followers} 粉丝</translation>
    </message>
    <message>
        <source>quote {fee}</source>
        <translation>报价 {fee}</translation>
    </message>
</context>
<context>
    <name>CollaborationStrip</name>
    <message>
        <source>Brand collaboration</source>
        <translation>品牌合作</translation>
    </message>
    <message>
        <source>Open collaboration</source>
        <translation>查看合作</translation>
    </message>
    <message>
        <source>The brief, the checklist and the conversation</source>
        <translation>需求说明、检查清单与沟通记录</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Round {round} · {open} of {total} comment(s) open</source>
        <translation>第 {round} 轮 · {total} 条意见中 {open} 条待解决</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>On the whole note</source>
        <translation>针对整篇笔记</translation>
    </message>
</context>
<context>
    <name>CollaborationView</name>
    <message>
        <source>← Collaborations</source>
        <translation>← 合作</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>合作费用</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>退出合作</translation>
    </message>
    <message>
        <source>Open note</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <source>Start the note</source>
        <translation>开始写笔记</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>Protected until {date}: the note may not be deleted or hidden before</source>
        <translation>保护期至 {date}：在此之前笔记不能删除或隐藏</translation>
    </message>
    <message>
        <source>Withdraw from this collaboration?</source>
        <translation>确定退出这个合作吗？</translation>
    </message>
    <message>
        <source>The brand is told you withdrew; this cannot be undone.</source>
        <translation>品牌方会收到你退出的通知，此操作无法撤销。</translation>
    </message>
    <message>
        <source>Brief checklist on the note</source>
        <translation>笔记的需求核对</translation>
    </message>
</context>
<context>
    <name>CollaborationsPage</name>
    <message>
        <source>Collaborations</source>
        <translation>合作</translation>
    </message>
    <message>
        <source>As a creator</source>
        <translation>我是创作者</translation>
    </message>
    <message>
        <source>Brand briefs</source>
        <translation>品牌需求</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
</context>
<context>
    <name>ColorSwatches</name>
    <message>
        <source>Any colour…</source>
        <translation>其他颜色…</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Any colour… (now {color})</source>
        <translation>其他颜色…（当前 {color}）</translation>
    </message>
    <message>
        <source>Brand primary</source>
        <translation>品牌主色</translation>
    </message>
    <message>
        <source>Brand secondary</source>
        <translation>品牌辅色</translation>
    </message>
    <message>
        <source>Brand accent</source>
        <translation>品牌强调色</translation>
    </message>
    <message>
        <source>Brand text</source>
        <translation>品牌文字色</translation>
    </message>
    <message>
        <source>Brand background</source>
        <translation>品牌背景色</translation>
    </message>
    <message>
        <source>Pick a colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <source>Area {number} on {photo}</source>
        <translation>{photo}·区域 {number}</translation>
    </message>
    <message>
        <source>No comments yet. Say what should change, or approve the note.</source>
        <translation>还没有意见。写下需要修改的地方，或直接通过这篇笔记。</translation>
    </message>
    <message>
        <source>Before the first round</source>
        <translation>首轮提交前</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>达人</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
</context>
<context>
    <name>CommentRow</name>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Tick it once the note answers this comment</source>
        <translation>笔记改好后勾选此项</translation>
    </message>
    <message>
        <source>Comments are answered while the note is with you, not in review</source>
        <translation>笔记在你手上时才能处理意见，审核中不可操作</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Photos and video</source>
        <translation>图片和视频</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>@提及</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Visibility and labels</source>
        <translation>可见范围和标注</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>A video</source>
        <translation>一个视频</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>没有视频</translation>
    </message>
    <message>
        <source>, %n edited</source>
        <translation>，%n 张已编辑</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>仅自己可见</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation>AI 生成</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>两边都改了</translation>
    </message>
    <message>
        <source>Changed there only</source>
        <translation>只有对方改了</translation>
    </message>
    <message>
        <source>Changed here only</source>
        <translation>只有我改了</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>用对方的</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Red is only in theirs, green only in mine</source>
        <translation>红色只在对方版本里，绿色只在我的版本里</translation>
    </message>
    <message>
        <source>This note was changed somewhere else</source>
        <translation>这篇笔记在别处被修改了</translation>
    </message>
    <message>
        <source>Someone saved this note at %1 while you were editing it here. Nothing has been overwritten. Choose, field by field, which version to keep; fields changed on one side only are already chosen.</source>
        <translation>你在这里编辑时，有人在 %1 保存了这篇笔记。没有任何内容被覆盖。请逐项选择保留哪个版本；只有一边改过的项目已经帮你选好。</translation>
    </message>
    <message>
        <source>Theirs (saved on the server)</source>
        <translation>对方的（已保存在服务器）</translation>
    </message>
    <message>
        <source>Mine (on this computer)</source>
        <translation>我的（在这台电脑上）</translation>
    </message>
    <message>
        <source>Use all of theirs</source>
        <translation>全部用对方的</translation>
    </message>
    <message>
        <source>Keep all of mine</source>
        <translation>全部保留我的</translation>
    </message>
    <message>
        <source>Save this version</source>
        <translation>保存这个版本</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
</context>
<context>
    <name>ConversationCard</name>
    <message>
        <source>Conversation</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Write to the brand…</source>
        <translation>给品牌方留言…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>还没有留言。</translation>
    </message>
</context>
<context>
    <name>CoverLabDialog</name>
    <message>
        <source>Cover lab</source>
        <translation>封面实验室</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>你的账号</translation>
    </message>
    <message>
        <source>Readers pick notes by their covers in a two-column feed: judge yours there.</source>
        <translation>读者在双列信息流里靠封面挑笔记：在这里检验你的封面。</translation>
    </message>
    <message>
        <source>Real size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Twice the real size, for a screen that shows things too small</source>
        <translation>放大到实际大小的两倍，适合显示偏小的屏幕</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>封面方案</translation>
    </message>
    <message>
        <source>Click a variant to see it in the feed. The others put this note&apos;s photos and title into a template.</source>
        <translation>点击一个方案，在信息流中查看效果。其他方案把这篇笔记的图片和标题放进模板。</translation>
    </message>
    <message>
        <source>+ Add a variant</source>
        <translation>+ 添加方案</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>赞</translation>
    </message>
    <message>
        <source>Add photos to the note first.</source>
        <translation>请先为笔记添加图片。</translation>
    </message>
    <message>
        <source>The variants could not be drawn: {reason}</source>
        <translation>无法绘制封面方案：{reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>CoverPanel</name>
    <message>
        <source>Finding sharp, well-lit frames…</source>
        <translation>正在挑选清晰、光线好的画面…</translation>
    </message>
    <message>
        <source>Suggestions appear here once the video is read.</source>
        <translation>视频读取完成后，推荐画面会显示在这里。</translation>
    </message>
    <message>
        <source>Move the playhead to any moment of the video, then use that frame</source>
        <translation>把播放头移到视频的任意时刻，即可使用那一帧画面</translation>
    </message>
    <message>
        <source>Make a cover with a template…</source>
        <translation>用模板制作封面…</translation>
    </message>
    <message>
        <source>Suggested frames</source>
        <translation>推荐画面</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Put your title on a frame with one of your cover templates.</source>
        <translation>用你的封面模板，把标题放到选中的画面上。</translation>
    </message>
    <message>
        <source>No cover chosen yet</source>
        <translation>还没有选择封面</translation>
    </message>
    <message>
        <source>Pick one of the frames below, or any moment.</source>
        <translation>从下方画面中选一张，或选取任意时刻。</translation>
    </message>
    <message>
        <source>Your designed cover</source>
        <translation>你设计的封面</translation>
    </message>
    <message>
        <source>Made with a template. Picking a frame replaces it.</source>
        <translation>用模板制作。选择画面会替换它。</translation>
    </message>
    <message>
        <source>The frame at {time}</source>
        <translation>{time} 的画面</translation>
    </message>
    <message>
        <source>Shown in the feed before anyone presses play.</source>
        <translation>视频播放前，在信息流中显示。</translation>
    </message>
    <message>
        <source>Use the frame at the playhead ({time})</source>
        <translation>使用播放头处的画面（{time}）</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>Zhongcao Studio ran into an unexpected problem. Your drafts are kept. Details were written to:
{path}</source>
        <translation>种草工作室遇到了意外问题，你的草稿都还在。详细信息已写入：
{path}</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create</source>
        <translation>创作</translation>
    </message>
    <message>
        <source>Write a note; every change is saved as you go.</source>
        <translation>写一篇笔记，每次修改都会自动保存。</translation>
    </message>
    <message>
        <source>The account this note is for</source>
        <translation>这篇笔记发布到哪个账号</translation>
    </message>
    <message>
        <source>Post as</source>
        <translation>发布账号</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新建笔记</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>See the note in the feed and on a phone</source>
        <translation>看看笔记在信息流里和手机上的样子</translation>
    </message>
    <message>
        <source>Cover lab</source>
        <translation>封面实验室</translation>
    </message>
    <message>
        <source>Compare cover variants at their real size in the feed</source>
        <translation>在信息流中按实际大小比较封面方案</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>立即发布</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Edit photo</source>
        <translation>编辑图片</translation>
    </message>
    <message>
        <source>Crop, adjust and add filters (or double-click)</source>
        <translation>裁剪、调节、加滤镜（也可以双击图片）</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <source>Make a cover or collage from a template filled with the note&apos;s photos</source>
        <translation>用笔记的图片套用模板，制作封面或拼图</translation>
    </message>
    <message>
        <source>Making the cover from the template…</source>
        <translation>正在用模板制作封面…</translation>
    </message>
    <message>
        <source>Add a title — a good title gets more reads</source>
        <translation>填写标题，好标题会有更多人看哦</translation>
    </message>
    <message>
        <source>Share your experience: what is it, why you love it, who it suits…</source>
        <translation>分享你的真实体验：是什么、为什么喜欢、适合谁…</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>@Mentions</source>
        <translation>@ 用户</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Visibility and labels</source>
        <translation>可见范围与声明</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Ready to publish?</source>
        <translation>可以发布了吗？</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Edit video</source>
        <translation>编辑视频</translation>
    </message>
    <message>
        <source>Trim, reframe, add text, music and a cover (or double-click)</source>
        <translation>修剪、调整画幅，添加文字、音乐和封面（也可以双击视频）</translation>
    </message>
    <message>
        <source>Add a video…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <source>Double-click the video to trim it, reframe it, add text, music and a cover.</source>
        <translation>双击视频即可修剪、调整画幅，添加文字、音乐和封面。</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>已全部保存</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>编辑中…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Offline — not saved yet</source>
        <translation>离线，尚未保存</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>已在别处修改</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved as you type</source>
        <translation>输入即自动保存</translation>
    </message>
    <message>
        <source>Offline — your changes are kept on this computer and will be saved when the backend is back.</source>
        <translation>当前离线：你的修改已保存在本机，后台恢复后会自动保存。</translation>
    </message>
    <message>
        <source>Published {time}</source>
        <translation>已于 {time} 发布</translation>
    </message>
    <message>
        <source>Not on the backend yet: start typing.</source>
        <translation>还没有保存到后台，开始输入吧。</translation>
    </message>
    <message>
        <source>This note was changed somewhere else while you were editing. Your text is kept here and has not been saved over the other change.</source>
        <translation>你编辑期间，这篇笔记在别处被修改了。你的内容仍保留在这里，没有覆盖对方的修改。</translation>
    </message>
    <message>
        <source>Compare and merge…</source>
        <translation>对比并合并…</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>使用对方的版本</translation>
    </message>
    <message>
        <source>Preparing the video for publishing: {percent}%…</source>
        <translation>正在准备发布用的视频：{percent}%…</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>This note already has a cover made from a template.</source>
        <translation>这篇笔记已有一张用模板制作的封面。</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>替换它</translation>
    </message>
    <message>
        <source>Add another</source>
        <translation>再加一张</translation>
    </message>
    <message>
        <source>This note has this cover already: the same template with the same photos and title makes the same picture. Yours is kept as you edited it.</source>
        <translation>这篇笔记已经有这张封面：同样的模板、图片和标题会做出同样的图片。已保留你编辑过的版本。</translation>
    </message>
    <message>
        <source>Cover added as the first image. Retype the title or add stickers; to undo, remove it like any photo.</source>
        <translation>封面已作为第一张图片加入。可以改写标题或添加贴纸；如需撤销，像删除普通图片一样移除它即可。</translation>
    </message>
    <message>
        <source>Cover replaced. Retype the title or add stickers.</source>
        <translation>封面已替换。可以改写标题或添加贴纸。</translation>
    </message>
    <message>
        <source>The template could not be applied: {reason} Your note is unchanged.</source>
        <translation>无法套用模板：{reason}笔记没有改动。</translation>
    </message>
    <message>
        <source>Checking for similar notes on your accounts…</source>
        <translation>正在检查账号中的相似笔记…</translation>
    </message>
    <message>
        <source>Scheduled: it will be published {time}.</source>
        <translation>已定时：将于 {time} 发布。</translation>
    </message>
    <message>
        <source>Unscheduled: the note is a draft again.</source>
        <translation>已取消定时，笔记回到草稿。</translation>
    </message>
    <message>
        <source>Not scheduled — please fix:</source>
        <translation>未能定时，请修改：</translation>
    </message>
    <message>
        <source>Not scheduled: {reason}</source>
        <translation>未能定时：{reason}</translation>
    </message>
    <message>
        <source>Submitted: the brand reviews it within {hours} hour(s).</source>
        <translation>已提交：品牌方会在 {hours} 小时内审核。</translation>
    </message>
    <message>
        <source>Not submitted: {reason}</source>
        <translation>未提交：{reason}</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>Checking and uploading {done} of {total}…</source>
        <translation>正在检查并上传第 {done}/{total} 张…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Drop photos or one video here, or click “Add images…”.
JPEG, PNG, WebP and iPhone HEIC (the first image is the cover), or MP4, MOV, MKV and WebM video.</source>
        <translation>把图片或一个视频拖到这里，或点击“添加图片…”。
支持 JPEG、PNG、WebP 和 iPhone HEIC 图片（第一张为封面），或 MP4、MOV、MKV 和 WebM 视频。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop preparing the video; it is prepared again when you publish</source>
        <translation>停止准备视频；发布时会重新准备</translation>
    </message>
    <message>
        <source>Double-click a photo to edit it. Drag to reorder; select one and press Delete to remove it.</source>
        <translation>双击图片即可编辑。拖动可调整顺序；选中后按 Delete 键删除。</translation>
    </message>
    <message>
        <source>Preparing the photos for publishing: {done} of {total}…</source>
        <translation>正在准备发布用的图片：{done}/{total}…</translation>
    </message>
    <message>
        <source>The photos could not be prepared for publishing: {reason} Your edits are kept.</source>
        <translation>发布用的图片没能生成：{reason} 你的编辑都还在。</translation>
    </message>
    <message>
        <source>A video ({patterns})</source>
        <translation>视频 ({patterns})</translation>
    </message>
    <message>
        <source>Add images or a video</source>
        <translation>添加图片或视频</translation>
    </message>
    <message>
        <source>Published {time}. It is now on your account&apos;s page.</source>
        <translation>已于 {time} 发布，现在可以在你的账号主页看到它。</translation>
    </message>
    <message>
        <source>Not published yet — please fix:</source>
        <translation>暂未发布，请先修改：</translation>
    </message>
    <message>
        <source>Not published: {reason}</source>
        <translation>未发布：{reason}</translation>
    </message>
    <message>
        <source>Not saved: {reason} Your text is kept on this computer.</source>
        <translation>未保存：{reason} 你的内容已保留在本机。</translation>
    </message>
</context>
<context>
    <name>CreatorTab</name>
    <message>
        <source>Invitations</source>
        <translation>合作邀约</translation>
    </message>
    <message>
        <source>Brands that invite this account to a brief show up here.</source>
        <translation>品牌方邀请这个账号参与合作时，会显示在这里。</translation>
    </message>
    <message>
        <source>Open briefs</source>
        <translation>招募中的需求</translation>
    </message>
    <message>
        <source>No open brief matches this account right now.</source>
        <translation>目前没有适合这个账号的招募需求。</translation>
    </message>
    <message>
        <source>My collaborations</source>
        <translation>我的合作</translation>
    </message>
    <message>
        <source>Accepted invitations and applications show up here.</source>
        <translation>接受的邀约和报名会显示在这里。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>编辑资料</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Field, e.g. 美妆</source>
        <translation>领域，例如 美妆</translation>
    </message>
    <message>
        <source>Region, e.g. 上海</source>
        <translation>地区，例如 上海</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Brand collaborations need at least {min} followers; this account has {followers}. Brands cannot invite it and it cannot apply to briefs yet.</source>
        <translation>品牌合作要求粉丝数至少 {min}，这个账号目前有 {followers}。品牌方暂时无法邀请它，它也还不能报名需求。</translation>
    </message>
    <message>
        <source>Why you decline (the brand reads it)</source>
        <translation>拒绝的原因（品牌方会看到）</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Send decline</source>
        <translation>确认拒绝</translation>
    </message>
    <message>
        <source>Your quote in ¥</source>
        <translation>你的报价（元）</translation>
    </message>
    <message>
        <source>A few words to the brand: why you, your idea</source>
        <translation>给品牌方说几句：你的优势和创意</translation>
    </message>
    <message>
        <source>Quote ¥</source>
        <translation>报价 ¥</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>报名…</translation>
    </message>
    <message>
        <source>Send application</source>
        <translation>提交报名</translation>
    </message>
    <message>
        <source>Application sent to {brand}.</source>
        <translation>报名已发送给{brand}。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
</context>
<context>
    <name>CropPanel</name>
    <message>
        <source>Crop &amp; rotate</source>
        <translation>裁剪与旋转</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>自由</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <source>Flip ↔</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>Flip ↕</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>Turn the photo a quarter clockwise</source>
        <translation>顺时针旋转 90°</translation>
    </message>
    <message>
        <source>Mirror left and right</source>
        <translation>左右镜像</translation>
    </message>
    <message>
        <source>Mirror top and bottom</source>
        <translation>上下镜像</translation>
    </message>
    <message>
        <source>Straighten (°)</source>
        <translation>拉直（°）</translation>
    </message>
    <message>
        <source>Reset crop &amp;&amp; rotation</source>
        <translation>重置裁剪和旋转</translation>
    </message>
    <message>
        <source>Not accepted for image notes</source>
        <translation>图文笔记不支持这个比例</translation>
    </message>
    <message>
        <source>Image notes are published in {ratios}: this crop would be refused.</source>
        <translation>图文笔记只支持 {ratios} 的图片，这样裁剪发布时会被拒绝。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The picture is cropped automatically so no corner is empty.</source>
        <translation>拉直后会自动裁剪，四角不会留白。</translation>
    </message>
</context>
<context>
    <name>CurvesPanel</name>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Reset curve</source>
        <translation>重置曲线</translation>
    </message>
    <message>
        <source>Make this channel&apos;s curve straight again</source>
        <translation>把当前通道的曲线恢复为直线</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Click to add a point, drag to move it; double-click or drag it out to remove.</source>
        <translation>点击添加控制点，拖动可移动；双击或拖出框外即可删除。</translation>
    </message>
</context>
<context>
    <name>DailyChart</name>
    <message>
        <source>{orders} (right axis)</source>
        <translation>{orders}（右轴）</translation>
    </message>
</context>
<context>
    <name>DuplicateGate</name>
    <message>
        <source>Schedule anyway</source>
        <translation>仍然定时发布</translation>
    </message>
    <message>
        <source>Publish anyway</source>
        <translation>仍然发布</translation>
    </message>
    <message>
        <source>Similar notes on your accounts could not be checked ({reason}); going ahead.</source>
        <translation>未能检查账号中的相似笔记（{reason}），已继续。</translation>
    </message>
</context>
<context>
    <name>FeedColumn</name>
    <message>
        <source>In the feed</source>
        <translation>在信息流中</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>附近</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市集</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>A tile is {mm} mm wide on a phone.</source>
        <translation>在手机上，一个卡片宽 {mm} 毫米。</translation>
    </message>
    <message>
        <source>This screen does not report its size, so the size here is approximate: hold a phone beside it to compare.</source>
        <translation>这块屏幕没有报告实际尺寸，这里的大小是近似值：可以拿手机放在旁边对比。</translation>
    </message>
    <message>
        <source>Shown at twice that.</source>
        <translation>这里按两倍大小显示。</translation>
    </message>
    <message>
        <source>Shown at that size here.</source>
        <translation>这里按实际大小显示。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>赞</translation>
    </message>
    <message>
        <source>Loading this account&apos;s recent notes…</source>
        <translation>正在加载这个账号的近期笔记…</translation>
    </message>
    <message>
        <source>Around it: this account&apos;s recent notes.</source>
        <translation>周围是这个账号的近期笔记。</translation>
    </message>
    <message>
        <source>This account has no other notes yet: the grey sample tiles stand in for them.</source>
        <translation>这个账号还没有其他笔记：灰色示例卡片代替它们。</translation>
    </message>
    <message>
        <source>The account&apos;s recent notes could not be loaded: {reason}</source>
        <translation>无法加载账号的近期笔记：{reason}</translation>
    </message>
</context>
<context>
    <name>FieldNotes</name>
    <message>
        <source>The brand on this: {count} to resolve</source>
        <translation>品牌意见：{count} 条待解决</translation>
    </message>
    <message>
        <source>The brand on this: all resolved</source>
        <translation>品牌意见：已全部解决</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>Filters</source>
        <translation>滤镜</translation>
    </message>
    <message>
        <source>Import .cube…</source>
        <translation>导入 .cube…</translation>
    </message>
    <message>
        <source>Add your own look from a .cube LUT file; it is kept with your account</source>
        <translation>从 .cube LUT 文件添加自己的滤镜，会保存在你的账号中</translation>
    </message>
    <message>
        <source>None</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Import a look</source>
        <translation>导入滤镜</translation>
    </message>
    <message>
        <source>Cube LUT files (*.cube)</source>
        <translation>Cube LUT 文件 (*.cube)</translation>
    </message>
</context>
<context>
    <name>FlagsBox</name>
    <message>
        <source>Public</source>
        <translation>公开可见</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>仅自己可见</translation>
    </message>
    <message>
        <source>Mutual followers</source>
        <translation>互关好友可见</translation>
    </message>
    <message>
        <source>Declare as original content</source>
        <translation>声明原创</translation>
    </message>
    <message>
        <source>Label as AI-generated</source>
        <translation>标注为 AI 生成内容</translation>
    </message>
    <message>
        <source>Shown on the note, and written into the exported photos&apos; metadata</source>
        <translation>显示在笔记上，并写入导出图片的元数据</translation>
    </message>
    <message>
        <source>Brand collaboration disclosure</source>
        <translation>品牌合作声明</translation>
    </message>
    <message>
        <source>Who can see it</source>
        <translation>谁可以看</translation>
    </message>
    <message>
        <source>Set by the brand collaboration this note is for; it cannot be turned off</source>
        <translation>由本笔记所属的品牌合作设定，不能关闭</translation>
    </message>
    <message>
        <source>Only a brand collaboration&apos;s note carries it</source>
        <translation>仅品牌合作笔记带有此声明</translation>
    </message>
    <message>
        <source>Labelled on the note as a brand collaboration (合作), as the platform requires.</source>
        <translation>按平台要求，笔记上会标注“合作”。</translation>
    </message>
</context>
<context>
    <name>FollowersTab</name>
    <message>
        <source>Followers at the end</source>
        <translation>期末粉丝数</translation>
    </message>
    <message>
        <source>Gained in the period</source>
        <translation>期间涨粉</translation>
    </message>
    <message>
        <source>Gained per day</source>
        <translation>日均涨粉</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝</translation>
    </message>
</context>
<context>
    <name>FramePanel</name>
    <message>
        <source>Feed</source>
        <translation>信息流</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>方形</translation>
    </message>
    <message>
        <source>As shot</source>
        <translation>原比例</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原画面</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>Fill the frame, choose what shows</source>
        <translation>铺满画面，自选显示区域</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Whole picture on a blurred background</source>
        <translation>完整画面，模糊背景填充</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Left – right</source>
        <translation>左右位置</translation>
    </message>
    <message>
        <source>Top – bottom</source>
        <translation>上下位置</translation>
    </message>
    <message>
        <source>Or drag the picture on the preview to choose what shows.</source>
        <translation>也可以在预览中拖动画面，选择显示区域。</translation>
    </message>
    <message>
        <source>Nothing is cut off: the bands around the picture show a blurred copy of it.</source>
        <translation>画面不会被裁掉：四周的空白处用模糊的画面填充。</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>画幅</translation>
    </message>
    <message>
        <source>Keeps the video&apos;s own framing. A video that is only trimmed is copied as it is: no re-encoding, no quality lost.</source>
        <translation>保持视频原有的画幅。只修剪过的视频会原样复制：不重新编码，画质无损。</translation>
    </message>
    <message>
        <source>{size}: the largest a video shows in the feed.</source>
        <translation>{size}：视频在信息流中显示得最大。</translation>
    </message>
    <message>
        <source>{size}: fills a phone screen when opened.</source>
        <translation>{size}：打开后铺满手机屏幕。</translation>
    </message>
    <message>
        <source>{size}: the same square in the feed and when opened.</source>
        <translation>{size}：在信息流中和打开后都是同样的方形。</translation>
    </message>
</context>
<context>
    <name>HeldCommentRow</name>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Show it on the note&apos;s page; it counts as a comment</source>
        <translation>显示在笔记页面上，并计入评论数</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Never show it</source>
        <translation>不再显示</translation>
    </message>
    <message>
        <source>Contains a link</source>
        <translation>含链接</translation>
    </message>
    <message>
        <source>Contains a forbidden word</source>
        <translation>含违禁词</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Import “{file}”</source>
        <translation>导入“{file}”</translation>
    </message>
    <message>
        <source>Ready to import: {valid}. With problems, skipped: {invalid}. Products are matched by SKU: new SKUs are added, known ones updated.</source>
        <translation>可导入：{valid} 行。有问题将跳过：{invalid} 行。商品按 SKU 匹配：新 SKU 会新增，已有的会更新。</translation>
    </message>
    <message>
        <source>Import {count} products</source>
        <translation>导入 {count} 个商品</translation>
    </message>
    <message>
        <source>By link</source>
        <translation>按链接</translation>
    </message>
    <message>
        <source>By title and date</source>
        <translation>按标题和日期</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>按标题</translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation>手动选择</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Import data-center figures</source>
        <translation>导入数据中心数据</translation>
    </message>
    <message>
        <source>Import figures from the data center</source>
        <translation>从数据中心导入数据</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>In the platform&apos;s data center open 笔记数据, export it, and choose the file here (.xlsx, or .csv saved from it). Nothing is stored before you press Import.</source>
        <translation>在平台的数据中心打开“笔记数据”并导出，然后在这里选择该文件（.xlsx，或由它另存的 .csv）。点击“导入”之前不会保存任何数据。</translation>
    </message>
    <message>
        <source>The day the figures are as of: what grew since an earlier import is counted on this day.</source>
        <translation>数据的截止日期：与上次导入相比新增的部分计入这一天。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>数据截止</translation>
    </message>
    <message>
        <source>Drop the export here (.xlsx or .csv)</source>
        <translation>将导出文件拖到这里（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>You have no account you may import figures into.</source>
        <translation>你没有可以导入数据的账号。</translation>
    </message>
    <message>
        <source>Choose the data center&apos;s export</source>
        <translation>选择数据中心导出的文件</translation>
    </message>
    <message>
        <source>Data center exports</source>
        <translation>数据中心导出文件</translation>
    </message>
    <message>
        <source>Reading “{file}”…</source>
        <translation>正在读取“{file}”…</translation>
    </message>
    <message>
        <source>“{file}” cannot be imported: {reason}</source>
        <translation>无法导入“{file}”：{reason}</translation>
    </message>
    <message>
        <source>“{file}”: {rows} notes{period}</source>
        <translation>“{file}”：{rows} 篇笔记{period}</translation>
    </message>
    <message>
        <source>The rows cannot be matched: {reason}</source>
        <translation>无法匹配这些行：{reason}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Import figures of {count} notes</source>
        <translation>导入 {count} 篇笔记的数据</translation>
    </message>
    <message>
        <source>{matched} of {rows} rows match a published note of this account; {unmatched} do not — pick their note, or leave them out.</source>
        <translation>{rows} 行中有 {matched} 行匹配到该账号已发布的笔记；{unmatched} 行未匹配，请为它们选择笔记，或选择不导入。</translation>
    </message>
    <message>
        <source>Left out by you: {count}.</source>
        <translation>手动设为不导入：{count}。</translation>
    </message>
    <message>
        <source>Rows that cannot be read (in red): {count}.</source>
        <translation>无法读取的行（红色标出）：{count}。</translation>
    </message>
    <message>
        <source>row {row} ({reason})</source>
        <translation>第 {row} 行（{reason}）</translation>
    </message>
    <message>
        <source>{count} more</source>
        <translation>另有 {count} 行</translation>
    </message>
    <message>
        <source>Skipped: {rows}.</source>
        <translation>已跳过：{rows}。</translation>
    </message>
    <message>
        <source>Imported the figures of {count} notes from “{file}”.</source>
        <translation>已从“{file}”导入 {count} 篇笔记的数据。</translation>
    </message>
    <message>
        <source>The figures of {count} notes in “{file}” were imported before.</source>
        <translation>“{file}”中 {count} 篇笔记的数据之前已经导入过。</translation>
    </message>
    <message>
        <source>Not matched: {unmatched}. Left out: {left}.</source>
        <translation>未匹配：{unmatched}。不导入：{left}。</translation>
    </message>
    <message>
        <source>Added: {figures}.</source>
        <translation>新增：{figures}。</translation>
    </message>
    <message>
        <source>{count} notes had lower figures than at their last import (an older export?): their figures now follow this file.</source>
        <translation>有 {count} 篇笔记的数据低于上次导入（是否导入了较早的导出文件？）：这些笔记的数据已按本文件更新。</translation>
    </message>
    <message>
        <source>Nothing new was added: only what grew since the last import counts, so the same file never counts twice.</source>
        <translation>没有新增数据：只有自上次导入以来的增长才会计入，同一个文件不会重复计算。</translation>
    </message>
    <message>
        <source>Not imported: another row has the same note</source>
        <translation>未导入：另一行对应同一篇笔记</translation>
    </message>
    <message>
        <source>Into “{note}”</source>
        <translation>计入“{note}”</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The import stopped: {reason}</source>
        <translation>导入已中止：{reason}</translation>
    </message>
    <message>
        <source>Done: {created} added, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
        <translation>导入完成：新增 {created} 个，更新 {updated} 个，未变 {unchanged} 个，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>Why it was rejected</source>
        <translation>被拒原因</translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message>
        <source>Import planned notes</source>
        <translation>导入笔记计划</translation>
    </message>
    <message>
        <source>Import “{file}”</source>
        <translation>导入“{file}”</translation>
    </message>
    <message>
        <source>Ready to import: {valid} (to schedule at their time: {timed}). With problems, skipped: {invalid}. Importing the same file again creates nothing twice.</source>
        <translation>可导入：{valid}（按时间定时发布：{timed}）。有问题、将跳过：{invalid}。同一文件再次导入不会重复创建。</translation>
    </message>
    <message>
        <source>Import ({count})</source>
        <translation>导入（{count}）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Created: {created}. Already imported before: {existing}. Scheduled: {scheduled}. Rejected: {rejected}.</source>
        <translation>已创建：{created}。此前已导入：{existing}。已定时：{scheduled}。未导入：{rejected}。</translation>
    </message>
    <message>
        <source>Created as a draft, not scheduled:</source>
        <translation>已存为草稿，未定时：</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite creators</source>
        <translation>邀请达人</translation>
    </message>
    <message>
        <source>Search creator accounts by nickname</source>
        <translation>按昵称搜索达人账号</translation>
    </message>
    <message>
        <source>Type a nickname to find accounts.</source>
        <translation>输入昵称查找账号。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message>
        <source>Message (optional)</source>
        <translation>留言（选填）</translation>
    </message>
    <message>
        <source>Why this account fits the brief, what you have in mind…</source>
        <translation>为什么这个账号适合这个需求，你有什么想法…</translation>
    </message>
    <message>
        <source>Fee offered</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>{fee} (the brief&apos;s fee)</source>
        <translation>{fee}（需求默认费用）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send invitation</source>
        <translation>发送邀请</translation>
    </message>
    <message>
        <source>{followers} followers</source>
        <translation>{followers} 粉丝</translation>
    </message>
    <message>
        <source>No account matches.</source>
        <translation>没有匹配的账号。</translation>
    </message>
    <message>
        <source>Invite to {name}</source>
        <translation>邀请加入{name}</translation>
    </message>
    <message>
        <source>They become a member with the role you choose and work on the team&apos;s accounts as that role allows.</source>
        <translation>对方将以你选择的角色成为成员，并按该角色的权限处理团队的账号。</translation>
    </message>
    <message>
        <source>Creators choose which of their accounts {name} may manage. They stay the accounts&apos; owners and can end it at any time.</source>
        <translation>达人自行选择把哪些账号交给{name}托管。账号仍归达人所有，达人可随时解除托管。</translation>
    </message>
    <message>
        <source>e.g. 小美, new editor — only your team sees it</source>
        <translation>例如：小美，新编辑 —— 仅团队内可见</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>How many people may use it</source>
        <translation>可供几人使用</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation>邀请对象</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>This studio works on this computer: only people signed in to a team server can use invitations. Switch to a team server in Backend above to invite others.</source>
        <translation>当前使用的是本机后端：只有登录同一团队服务器的人才能使用邀请。如需邀请他人，请在上方“后端”中切换到团队服务器。</translation>
    </message>
    <message>
        <source>Create invitation</source>
        <translation>创建邀请</translation>
    </message>
    <message>
        <source>Invitation ready</source>
        <translation>邀请已创建</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制邀请码</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>The code is shown only now: the server keeps no readable copy. Copy it before you close this window. If it gets lost, withdraw the invitation and make a new one.</source>
        <translation>邀请码只显示这一次：服务器不保存可读的副本。请在关闭此窗口前复制。如果遗失，请撤回这个邀请并重新创建。</translation>
    </message>
    <message>
        <source>To accept, they open Settings › Team › Join with a code… in Zhongcao Studio, signed in to this team server, and paste the code or the link.</source>
        <translation>对方登录同一团队服务器后，在种草工作室中打开“设置 › 团队 › 用邀请码加入…”，粘贴邀请码或链接即可。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>邀请码</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join with a code</source>
        <translation>用邀请码加入</translation>
    </message>
    <message>
        <source>Paste the invitation code or link you were sent. You will see where it leads before anything changes.</source>
        <translation>粘贴你收到的邀请码或链接。确认之前会先显示邀请详情，不会有任何改动。</translation>
    </message>
    <message>
        <source>ABCD-EFGH-JKMN, or the link</source>
        <translation>ABCD-EFGH-JKMN，或邀请链接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Invited by {name} · valid until {time}</source>
        <translation>邀请人 {name} · 有效期至 {time}</translation>
    </message>
    <message>
        <source>You will join {org} as {role}.</source>
        <translation>你将以{role}身份加入{org}。</translation>
    </message>
    <message>
        <source>You are {current} in {org} now; accepting makes you {role}.</source>
        <translation>你目前是{org}的{current}；接受后将成为{role}。</translation>
    </message>
    <message>
        <source>You are already {current} in {org}: this invitation changes nothing.</source>
        <translation>你已是{org}的{current}，接受这个邀请不会有任何变化。</translation>
    </message>
    <message>
        <source>{org} asks to manage accounts of yours. Choose which:</source>
        <translation>{org}希望托管你的账号。请选择要托管的账号：</translation>
    </message>
    <message>
        <source>{role}: {hint}</source>
        <translation>{role}：{hint}</translation>
    </message>
    <message>
        <source>While {org} manages an account, its members see the account&apos;s notes and data and may write, schedule and publish for it, each as their role in {org} allows. The account stays yours: you can end this at any time in Settings › Team, and they lose access at once.</source>
        <translation>托管期间，{org}的成员可以查看该账号的笔记和数据，并按各自在{org}的角色为它撰写、定时和发布笔记。账号仍归你所有：你可以随时在“设置 › 团队”中解除托管，对方将立即失去访问权限。</translation>
    </message>
    <message>
        <source>Put under management</source>
        <translation>交由托管</translation>
    </message>
    <message>
        <source>Join {org}</source>
        <translation>加入{org}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>You have no accounts of your own to put under management: only an account&apos;s owners and admins may.</source>
        <translation>你没有可以交由托管的账号：只有账号的所有者和管理员才能这样做。</translation>
    </message>
    <message>
        <source>{account} (already managed)</source>
        <translation>{account}（已托管）</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>Previous period: {value}</source>
        <translation>上一周期：{value}</translation>
    </message>
    <message>
        <source>Nothing to divide by in this period.</source>
        <translation>这段时间分母为 0，无法计算。</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Text &amp; stickers</source>
        <translation>文字与贴纸</translation>
    </message>
    <message>
        <source>＋  Add text</source>
        <translation>＋  添加文字</translation>
    </message>
    <message>
        <source>Add a title in the middle of the photo</source>
        <translation>在图片中间添加标题</translation>
    </message>
    <message>
        <source>Stickers</source>
        <translation>贴纸</translation>
    </message>
    <message>
        <source>Labels, arrows, circles, highlights and more</source>
        <translation>标签、箭头、圈注、高亮等</translation>
    </message>
    <message>
        <source>Bring forward</source>
        <translation>上移一层</translation>
    </message>
    <message>
        <source>Send backward</source>
        <translation>下移一层</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>删除 (Del)</translation>
    </message>
    <message>
        <source>Add a title or a sticker, or click one on the photo to style it. Drag it to move, pull a corner to resize, turn it with the round knob.</source>
        <translation>添加标题或贴纸，或点击图片上的元素来设置样式。拖动可移动，拉动角点可缩放，用圆形手柄旋转。</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>双击编辑</translation>
    </message>
    <message>
        <source>Layers ({count}/{max})</source>
        <translation>图层（{count}/{max}）</translation>
    </message>
</context>
<context>
    <name>LookPanel</name>
    <message>
        <source>Filters</source>
        <translation>滤镜</translation>
    </message>
    <message>
        <source>One-click looks</source>
        <translation>一键套用风格</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调节</translation>
    </message>
    <message>
        <source>Light, colour and detail</source>
        <translation>光影、色彩和细节</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Fine tone and colour curves</source>
        <translation>精细调整影调和色彩的曲线</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Create</source>
        <translation>创作</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Collaborations</source>
        <translation>合作</translation>
    </message>
    <message>
        <source>Storefront</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>账号矩阵</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Zhongcao Studio</source>
        <translation>种草工作室</translation>
    </message>
    <message>
        <source>{count} new notifications.</source>
        <translation>有 {count} 条新通知。</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Open the collaboration</source>
        <translation>查看合作</translation>
    </message>
    <message>
        <source>Open the publish package</source>
        <translation>打开发布包</translation>
    </message>
    <message>
        <source>Open the note</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <source>The studio could not start its backend: {reason}</source>
        <translation>工作室无法启动后台服务：{reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Starting the studio…</source>
        <translation>工作室正在启动…</translation>
    </message>
</context>
<context>
    <name>ManagedAccountsCard</name>
    <message>
        <source>Your accounts under management</source>
        <translation>你托管出去的账号</translation>
    </message>
    <message>
        <source>Organizations you let manage your accounts. Their members see these accounts&apos; notes and data and may write, schedule and publish for them, each as their role allows. Revoke to take an account back at once; its notes stay yours.</source>
        <translation>你授权托管账号的组织。其成员可以查看这些账号的笔记和数据，并按各自角色撰写、定时和发布笔记。撤销后账号立即收回，笔记仍归你所有。</translation>
    </message>
    <message>
        <source>Managed by {org} since {date} · granted by {name}</source>
        <translation>自 {date} 起由 {org} 托管 · 授权人 {name}</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Revoke management</source>
        <translation>撤销托管</translation>
    </message>
    <message>
        <source>Take {account} back from {org}? Its members lose access to the account at once. To let them manage it again you need a new invitation from them.</source>
        <translation>要从{org}收回 {account} 吗？其成员将立即失去访问权限。如需再次托管，需要对方发来新的邀请。</translation>
    </message>
</context>
<context>
    <name>MediaIntake</name>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>Not added:</source>
        <translation>以下文件未添加：</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>上传中…</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>{count} open</source>
        <translation>{count} 条待改</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>MentionPicker</name>
    <message>
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message>
        <source>Nobody @mentioned</source>
        <translation>还没有 @ 任何人</translation>
    </message>
    <message>
        <source>@ someone: search a nickname</source>
        <translation>@ 用户：搜索昵称</translation>
    </message>
    <message>
        <source>No account matches.</source>
        <translation>没有找到匹配的账号。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The studio&apos;s backend cannot be reached right now.</source>
        <translation>暂时连接不上工作室的后台服务。</translation>
    </message>
    <message>
        <source>The studio is still starting.</source>
        <translation>工作室还在启动中。</translation>
    </message>
    <message>
        <source>The studio&apos;s backend took too long to start.</source>
        <translation>后台服务启动超时。</translation>
    </message>
    <message>
        <source>The studio&apos;s backend stopped while starting.</source>
        <translation>后台服务在启动过程中退出了。</translation>
    </message>
    <message>
        <source>The studio&apos;s backend could not be launched.</source>
        <translation>无法启动后台服务。</translation>
    </message>
    <message>
        <source>Zhongcao Studio is already open with this data folder. Switch to that window, or close it and try again.</source>
        <translation>种草工作室已经在使用这个数据文件夹运行了。请切换到那个窗口，或关闭它后重试。</translation>
    </message>
    <message>
        <source>The studio&apos;s database could not be opened.</source>
        <translation>无法打开工作室的数据库。</translation>
    </message>
    <message>
        <source>The backend gave an unexpected answer (HTTP {status}).</source>
        <translation>后台返回了意外的结果（HTTP {status}）。</translation>
    </message>
    <message>
        <source>The backend hit an internal error. Please try again.</source>
        <translation>后台发生内部错误，请重试。</translation>
    </message>
    <message>
        <source>What was sent is larger than the backend accepts.</source>
        <translation>发送的内容超出了后台允许的大小。</translation>
    </message>
    <message>
        <source>The backend did not accept what was sent (invalid request).</source>
        <translation>后台不接受发送的内容（请求无效）。</translation>
    </message>
    <message>
        <source>The same request is still being processed; it will be retried.</source>
        <translation>相同的请求仍在处理中，稍后会自动重试。</translation>
    </message>
    <message>
        <source>The backend refused a repeated request that did not match the first.</source>
        <translation>重复的请求与第一次不一致，已被后台拒绝。</translation>
    </message>
    <message>
        <source>The backend refused the request (HTTP {status}).</source>
        <translation>后台拒绝了该请求（HTTP {status}）。</translation>
    </message>
    <message>
        <source>The backend had a problem answering (HTTP {status}).</source>
        <translation>后台响应时出现问题（HTTP {status}）。</translation>
    </message>
    <message>
        <source>The image is damaged and cannot be read.</source>
        <translation>图片已损坏，无法读取。</translation>
    </message>
    <message>
        <source>The image has too many pixels ({pixels}).</source>
        <translation>图片像素过多（{pixels}）。</translation>
    </message>
    <message>
        <source>The image is too large ({width}×{height} pixels).</source>
        <translation>图片尺寸过大（{width}×{height} 像素）。</translation>
    </message>
    <message>
        <source>Animated images with this many frames are not supported.</source>
        <translation>不支持帧数这么多的动图。</translation>
    </message>
    <message>
        <source>The file is too large ({size}).</source>
        <translation>文件过大（{size}）。</translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation>文件已不存在。</translation>
    </message>
    <message>
        <source>This is not a regular file.</source>
        <translation>这不是一个普通文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The file is larger than the backend accepts ({max}).</source>
        <translation>文件超过了后台允许的大小（{max}）。</translation>
    </message>
    <message>
        <source>This image is not stored any more.</source>
        <translation>这张图片已不在存储中。</translation>
    </message>
    <message>
        <source>This is not a photo or video the studio takes (JPEG, PNG, WebP, HEIC; MP4, MOV, MKV, WebM).</source>
        <translation>这不是工作室支持的照片或视频（JPEG、PNG、WebP、HEIC；MP4、MOV、MKV、WebM）。</translation>
    </message>
    <message>
        <source>an unexpected error ({error}).</source>
        <translation>意外错误（{error}）。</translation>
    </message>
    <message>
        <source>A photo or video of this note is missing.</source>
        <translation>这篇笔记的某张照片或视频不见了。</translation>
    </message>
    <message>
        <source>A video note holds one video. Remove it first to use another file.</source>
        <translation>视频笔记只能包含一个视频。请先移除当前视频，再使用其他文件。</translation>
    </message>
    <message>
        <source>The note became a video note with the video added; photos need a note of their own.</source>
        <translation>添加视频后，这篇笔记已变为视频笔记；图片需要另建一篇笔记。</translation>
    </message>
    <message>
        <source>The file&apos;s name does not match what it holds (a photo named as a video, or a video named as a photo). Rename it and add it again.</source>
        <translation>文件名与内容不符（照片用了视频的扩展名，或视频用了照片的扩展名）。请改名后重新添加。</translation>
    </message>
    <message>
        <source>This note has photos; a video needs a note of its own.</source>
        <translation>这篇笔记已有图片；视频需要另建一篇笔记。</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>标题还没有填写。</translation>
    </message>
    <message>
        <source>The title is too long: {units} of {max} width units.</source>
        <translation>标题太长：{units}/{max} 个字符宽度。</translation>
    </message>
    <message>
        <source>The text is too long: {chars} of {max} characters.</source>
        <translation>正文太长：{chars}/{max} 字。</translation>
    </message>
    <message>
        <source>Add at least {min} image (now {count}).</source>
        <translation>至少添加 {min} 张图片（当前 {count} 张）。</translation>
    </message>
    <message>
        <source>Use at most {max} images (now {count}).</source>
        <translation>最多 {max} 张图片（当前 {count} 张）。</translation>
    </message>
    <message>
        <source>A video note needs exactly {expected} video (now {count}).</source>
        <translation>视频笔记需要且只能有 {expected} 个视频（当前 {count} 个）。</translation>
    </message>
    <message>
        <source>Video {index} is {format}; the platform takes {allowed}.</source>
        <translation>第 {index} 个视频是 {format} 格式，平台支持：{allowed}。</translation>
    </message>
    <message>
        <source>The video&apos;s shape ({width}×{height}) is not one the platform takes.</source>
        <translation>视频比例（{width}×{height}）不符合平台要求。</translation>
    </message>
    <message>
        <source>The video is too large: {bytes} of at most {max}.</source>
        <translation>视频太大：{bytes}，最多 {max}。</translation>
    </message>
    <message>
        <source>The video is large ({bytes}); it may upload slowly.</source>
        <translation>视频较大（{bytes}），上传可能较慢。</translation>
    </message>
    <message>
        <source>The video is long ({seconds}, over {max}); many viewers may not finish it.</source>
        <translation>视频较长（{seconds}，超过 {max}），很多观众可能看不完。</translation>
    </message>
    <message>
        <source>The video is too long: {seconds} of at most {max}.</source>
        <translation>视频太长：{seconds}，最长 {max}。</translation>
    </message>
    <message>
        <source>Image {index} is {format}; the platform takes {allowed}.</source>
        <translation>第 {index} 张图是 {format} 格式，平台支持：{allowed}。</translation>
    </message>
    <message>
        <source>Image {index} ({width}×{height}) is not a shape the platform takes: {allowed}.</source>
        <translation>第 {index} 张图（{width}×{height}）的比例平台不支持，可用：{allowed}。</translation>
    </message>
    <message>
        <source>Image {index} is too large: {bytes} of at most {max}.</source>
        <translation>第 {index} 张图太大：{bytes}，最多 {max}。</translation>
    </message>
    <message>
        <source>Image {index} is large ({bytes}); it may upload slowly.</source>
        <translation>第 {index} 张图较大（{bytes}），上传可能较慢。</translation>
    </message>
    <message>
        <source>Image {index} is small ({width}×{height}); it may look soft.</source>
        <translation>第 {index} 张图尺寸较小（{width}×{height}），可能不够清晰。</translation>
    </message>
    <message>
        <source>The note has no cover.</source>
        <translation>笔记还没有封面。</translation>
    </message>
    <message>
        <source>The brief asks for something this note lacks ({kind}: {value}).</source>
        <translation>品牌合作要求中有一项还没满足（{kind}：{value}）。</translation>
    </message>
    <message>
        <source>{count} topics: more than {warn_max} may look like spam.</source>
        <translation>已添加 {count} 个话题：超过 {warn_max} 个可能被视为刷话题。</translation>
    </message>
    <message>
        <source>Too many topics: {count} of at most {max}.</source>
        <translation>话题太多：{count} 个，最多 {max} 个。</translation>
    </message>
    <message>
        <source>Too soon: schedule it for {earliest} or later.</source>
        <translation>时间太近：请定在 {earliest} 或之后。</translation>
    </message>
    <message>
        <source>Too far ahead: schedule it for {latest} or earlier.</source>
        <translation>时间太远：请定在 {latest} 或之前。</translation>
    </message>
    <message>
        <source>One of the topics no longer exists.</source>
        <translation>有一个话题已不存在。</translation>
    </message>
    <message>
        <source>This topic no longer exists.</source>
        <translation>这个话题已不存在。</translation>
    </message>
    <message>
        <source>A topic is in the list twice.</source>
        <translation>有话题重复添加了。</translation>
    </message>
    <message>
        <source>This is not a valid topic name (1 to {max} characters).</source>
        <translation>话题名称无效（需 1 到 {max} 个字）。</translation>
    </message>
    <message>
        <source>Too many topics: at most {max}.</source>
        <translation>话题太多：最多 {max} 个。</translation>
    </message>
    <message>
        <source>A topic group with this name already exists.</source>
        <translation>已有同名的话题组。</translation>
    </message>
    <message>
        <source>This topic group no longer exists.</source>
        <translation>这个话题组已不存在。</translation>
    </message>
    <message>
        <source>This topic group was changed somewhere else; the list shows the latest now.</source>
        <translation>这个话题组已在别处被修改，列表现在显示的是最新内容。</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>请给话题组起个名字。</translation>
    </message>
    <message>
        <source>The name is too long: at most {max} characters.</source>
        <translation>名字太长了：最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Add at least one topic to the group.</source>
        <translation>话题组里至少要有一个话题。</translation>
    </message>
    <message>
        <source>A group holds at most {max} topics, as many as one note may carry; this one has {count}. Remove some first.</source>
        <translation>一个话题组最多 {max} 个话题，与一篇笔记可带的上限相同；这里有 {count} 个，请先移除一些。</translation>
    </message>
    <message>
        <source>An account you @mentioned no longer exists.</source>
        <translation>你 @ 的账号已不存在。</translation>
    </message>
    <message>
        <source>An account is @mentioned twice.</source>
        <translation>有账号被重复 @ 了。</translation>
    </message>
    <message>
        <source>This place no longer exists.</source>
        <translation>这个地点已不存在。</translation>
    </message>
    <message>
        <source>This account may not link products to its notes.</source>
        <translation>这个账号不能在笔记中关联商品。</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>这个商品已不存在。</translation>
    </message>
    <message>
        <source>A product is linked twice.</source>
        <translation>有商品重复关联了。</translation>
    </message>
    <message>
        <source>Another product of this storefront has this SKU.</source>
        <translation>店铺中已有商品使用这个 SKU。</translation>
    </message>
    <message>
        <source>This storefront no longer exists.</source>
        <translation>这个店铺已不存在。</translation>
    </message>
    <message>
        <source>This organization no longer exists.</source>
        <translation>这个组织已不存在。</translation>
    </message>
    <message>
        <source>Only the account&apos;s owner may change this.</source>
        <translation>只有账号所有者可以修改此项。</translation>
    </message>
    <message>
        <source>Only a draft or a scheduled note can be scheduled.</source>
        <translation>只有草稿或已定时的笔记可以定时发布。</translation>
    </message>
    <message>
        <source>This note is not scheduled.</source>
        <translation>这篇笔记没有定时。</translation>
    </message>
    <message>
        <source>This note has not been published yet.</source>
        <translation>这篇笔记还没有发布。</translation>
    </message>
    <message>
        <source>This is not a link to a Xiaohongshu note.</source>
        <translation>这不是小红书笔记的链接。</translation>
    </message>
    <message>
        <source>The publish package could not be written to {folder}.</source>
        <translation>无法把发布包写入 {folder}。</translation>
    </message>
    <message>
        <source>An image of the publish package is missing.</source>
        <translation>发布包中缺少一张图片。</translation>
    </message>
    <message>
        <source>Image {file} is damaged, so its AI-generated-content label cannot be written into it; the package stopped there. Replace the photo in the note and try again.</source>
        <translation>图片 {file} 已损坏，无法写入 AI 生成内容标识，发布包导出到此为止。请在笔记里换一张照片后再试。</translation>
    </message>
    <message>
        <source>This note has no cover yet: add a photo or a video first.</source>
        <translation>这篇笔记还没有封面：请先添加照片或视频。</translation>
    </message>
    <message>
        <source>This note no longer exists.</source>
        <translation>这篇笔记已不存在。</translation>
    </message>
    <message>
        <source>This note was changed somewhere else.</source>
        <translation>这篇笔记已在别处被修改。</translation>
    </message>
    <message>
        <source>This note can no longer be edited.</source>
        <translation>这篇笔记已无法编辑。</translation>
    </message>
    <message>
        <source>The note breaks {count} publishing rule(s).</source>
        <translation>这篇笔记有 {count} 项不符合发布规则。</translation>
    </message>
    <message>
        <source>Your draft could not be written to disk ({error}).</source>
        <translation>草稿无法写入磁盘（{error}）。</translation>
    </message>
    <message>
        <source>This note cannot be published in its current state.</source>
        <translation>这篇笔记当前的状态无法发布。</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>这个账号已不存在。</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>你还没有登录。</translation>
    </message>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>登录已过期。</translation>
    </message>
    <message>
        <source>The e-mail or password is wrong.</source>
        <translation>邮箱或密码不正确。</translation>
    </message>
    <message>
        <source>You are signed out of the team server. Sign in again in Settings.</source>
        <translation>你已退出团队服务器的登录，请在“设置”中重新登录。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, starting with https:// or http://.</source>
        <translation>请输入服务器地址，以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>{url} cannot be reached. Check the address and your network connection.</source>
        <translation>无法连接 {url}。请检查地址和网络连接。</translation>
    </message>
    <message>
        <source>{url} answered, but it is not a Zhongcao Studio team server.</source>
        <translation>{url} 有响应，但它不是种草工作室的团队服务器。</translation>
    </message>
    <message>
        <source>These edit settings are not valid ({field}).</source>
        <translation>编辑参数无效（{field}）。</translation>
    </message>
    <message>
        <source>These edits were made with a newer version of Zhongcao Studio. Update the app to open them.</source>
        <translation>这些编辑来自更新版本的种草工作室，请更新应用后再打开。</translation>
    </message>
    <message>
        <source>These edit settings are too large to save.</source>
        <translation>编辑参数过大，无法保存。</translation>
    </message>
    <message>
        <source>You already have a preset called “{name}”. Choose another name.</source>
        <translation>已有名为“{name}”的预设，请换一个名字。</translation>
    </message>
    <message>
        <source>This preset no longer exists.</source>
        <translation>该预设已不存在。</translation>
    </message>
    <message>
        <source>This preset was changed somewhere else; the list shows the latest now.</source>
        <translation>该预设已在别处修改，列表已显示最新内容。</translation>
    </message>
    <message>
        <source>This filter is not available any more.</source>
        <translation>该滤镜已不可用。</translation>
    </message>
    <message>
        <source>This sticker is not available any more.</source>
        <translation>这个贴纸已不可用。</translation>
    </message>
    <message>
        <source>This sticker&apos;s picture is damaged and cannot be drawn.</source>
        <translation>这个贴纸的图片已损坏，无法绘制。</translation>
    </message>
    <message>
        <source>There is no template called “{name}”.</source>
        <translation>没有名为“{name}”的模板。</translation>
    </message>
    <message>
        <source>This template file cannot be read ({reason}).</source>
        <translation>无法读取这个模板文件（{reason}）。</translation>
    </message>
    <message>
        <source>This template file is not valid JSON (line {line}, column {column}).</source>
        <translation>这个模板文件不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <source>This template is not valid ({field}: {reason}).</source>
        <translation>这个模板无效（{field}：{reason}）。</translation>
    </message>
    <message>
        <source>This template was made with a newer version of Zhongcao Studio. Update the app to use it.</source>
        <translation>这个模板由更新版本的种草工作室制作。请更新应用后再使用。</translation>
    </message>
    <message>
        <source>This template has no text box called “{slot}”.</source>
        <translation>这个模板没有名为“{slot}”的文字框。</translation>
    </message>
    <message>
        <source>This template has more texts and stickers than a photo holds ({max}), so it cannot be applied.</source>
        <translation>这个模板的文字和贴纸超过了一张图片能容纳的数量（{max}），无法套用。</translation>
    </message>
    <message>
        <source>A template holds at most {max} boxes, photos, texts and stickers. Remove a few texts or stickers from the cover and save it again.</source>
        <translation>一个模板最多包含 {max} 个形状、图片、文字和贴纸。请从封面删去一些文字或贴纸后再保存。</translation>
    </message>
    <message>
        <source>Only owners and admins change who belongs to this organization (your role: {role}).</source>
        <translation>只有所有者和管理员可以调整组织成员（你的角色：{role}）。</translation>
    </message>
    <message>
        <source>Nobody has signed up with {email}. Ask them to create an account first.</source>
        <translation>还没有人用 {email} 注册。请对方先创建账号。</translation>
    </message>
    <message>
        <source>This brief no longer exists, or you may not see it.</source>
        <translation>这个合作需求已不存在，或你无权查看。</translation>
    </message>
    <message>
        <source>You may read this brand&apos;s briefs but not change them (your role: {role}).</source>
        <translation>你可以查看该品牌的合作需求，但不能修改（你的角色：{role}）。</translation>
    </message>
    <message>
        <source>Only a brand organization writes briefs; this one is a {kind} organization.</source>
        <translation>只有品牌组织可以发布合作需求；这个组织的类型是 {kind}。</translation>
    </message>
    <message>
        <source>The protection period must be between {min} and {max} days ({days} given).</source>
        <translation>保护期须在 {min} 到 {max} 天之间（当前为 {days} 天）。</translation>
    </message>
    <message>
        <source>The publish window must end after it starts.</source>
        <translation>发布时间段的结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <source>The highest follower count must not be below the lowest.</source>
        <translation>粉丝数上限不能低于下限。</translation>
    </message>
    <message>
        <source>An open brief cannot go back to a draft; close it instead.</source>
        <translation>已开放的合作需求不能改回草稿，可以将其关闭。</translation>
    </message>
    <message>
        <source>{collaborations} creators already answered this brief, so it cannot be deleted. Close it instead.</source>
        <translation>已有 {collaborations} 位创作者响应这个需求，无法删除。可以将其关闭。</translation>
    </message>
    <message>
        <source>This brief is not open (it is {status}): it takes no invitations or applications.</source>
        <translation>这个需求未开放（当前：{status}），不能邀请或报名。</translation>
    </message>
    <message>
        <source>This brief is by invitation only; creators cannot apply to it.</source>
        <translation>这个需求仅限品牌邀请，创作者不能报名。</translation>
    </message>
    <message>
        <source>Applications for this brief closed on {apply_by}.</source>
        <translation>这个需求的报名已于 {apply_by} 截止。</translation>
    </message>
    <message>
        <source>This account does not meet the brief&apos;s creator criteria (field, region or followers).</source>
        <translation>该账号不符合需求的创作者条件（领域、地区或粉丝数）。</translation>
    </message>
    <message>
        <source>This collaboration no longer exists, or you may not see it.</source>
        <translation>这个合作已不存在，或你无权查看。</translation>
    </message>
    <message>
        <source>This account already has a collaboration on this brief.</source>
        <translation>该账号在这个需求下已有合作。</translation>
    </message>
    <message>
        <source>Brand collaborations need at least {min} followers; this account has {followers}.</source>
        <translation>品牌合作要求至少 {min} 个粉丝，该账号有 {followers} 个。</translation>
    </message>
    <message>
        <source>You may not do this ({action}) on this collaboration.</source>
        <translation>你不能对这个合作执行此操作（{action}）。</translation>
    </message>
    <message>
        <source>This cannot be done now: the collaboration has moved on (now: {state}). It has been reloaded.</source>
        <translation>现在无法执行：合作状态已变化（当前：{state}），已重新加载。</translation>
    </message>
    <message>
        <source>This collaboration note can be scheduled or published only as the brand approved it (now: {state}). Submit it for review first.</source>
        <translation>合作笔记只能按品牌审核通过的版本定时或发布（当前：{state}）。请先提交审核。</translation>
    </message>
    <message>
        <source>Someone else changed this collaboration meanwhile. It has been reloaded.</source>
        <translation>其他人刚刚修改了这个合作，已重新加载。</translation>
    </message>
    <message>
        <source>Only an owner may make someone {role}, or change what an owner may do.</source>
        <translation>只有所有者可以把成员设为{role}，或更改所有者的权限。</translation>
    </message>
    <message>
        <source>An organization needs an owner. Make someone else owner first, then change this.</source>
        <translation>组织至少要有一位所有者。请先把其他人设为所有者，再进行此操作。</translation>
    </message>
    <message>
        <source>This person is no longer a member.</source>
        <translation>此人已不是成员。</translation>
    </message>
    <message>
        <source>As {role} of this account you may read its notes but not change them.</source>
        <translation>你在这个账号的角色是{role}，可以查看笔记，但不能修改。</translation>
    </message>
    <message>
        <source>That is not an invitation code. A code looks like ABCD-EFGH-JKMN; a link works too.</source>
        <translation>这不是邀请码。邀请码形如 ABCD-EFGH-JKMN，也可以粘贴邀请链接。</translation>
    </message>
    <message>
        <source>No invitation has this code. Check it, or ask for a new one.</source>
        <translation>没有找到这个邀请码。请检查，或请对方重新发一个。</translation>
    </message>
    <message>
        <source>This invitation was withdrawn. Ask for a new one.</source>
        <translation>这个邀请已被撤回。请对方重新发一个。</translation>
    </message>
    <message>
        <source>This invitation expired on {expired_at}. Ask for a new one.</source>
        <translation>这个邀请已于 {expired_at} 过期。请对方重新发一个。</translation>
    </message>
    <message>
        <source>This invitation has been used as often as it may be. Ask for a new one.</source>
        <translation>这个邀请的使用次数已满。请对方重新发一个。</translation>
    </message>
    <message>
        <source>Choose at least one of your accounts for the organization to manage.</source>
        <translation>请至少选择一个交给该组织管理的账号。</translation>
    </message>
    <message>
        <source>A personal workspace does not manage other people&apos;s accounts; create an MCN organization for that.</source>
        <translation>个人工作区不能管理他人的账号；请为此创建一个 MCN 组织。</translation>
    </message>
    <message>
        <source>Only the owners and admins of {account}, or of the organization managing it, may change who manages it.</source>
        <translation>只有{account}的所有者和管理员，或管理它的组织的所有者和管理员，才能更改托管关系。</translation>
    </message>
    <message>
        <source>{account} already belongs to this organization.</source>
        <translation>{account}本来就属于这个组织。</translation>
    </message>
    <message>
        <source>This account is no longer managed by that organization.</source>
        <translation>这个账号已不再由该组织管理。</translation>
    </message>
    <message>
        <source>That session has already ended.</source>
        <translation>该登录会话已结束。</translation>
    </message>
    <message>
        <source>Too many wrong passwords for this address. Try again in {retry_after} minute(s).</source>
        <translation>这个邮箱的密码错误次数过多，请 {retry_after} 分钟后再试。</translation>
    </message>
    <message>
        <source>Your current password is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>Choose a stronger password.</source>
        <translation>请设置更安全的密码。</translation>
    </message>
    <message>
        <source>A password needs at least 10 characters; a short sentence works well.</source>
        <translation>密码至少需要 10 个字符，用一句短句就很好。</translation>
    </message>
    <message>
        <source>A password may have at most 256 characters.</source>
        <translation>密码最多 256 个字符。</translation>
    </message>
    <message>
        <source>This password is too easy to guess (a common password, a pattern, or your own name or e-mail). Try a few unrelated words.</source>
        <translation>这个密码太容易被猜到（常见密码、规律组合，或你的名字、邮箱）。试试几个不相关的词组合。</translation>
    </message>
    <message>
        <source>As {role} you may see this account but not add to it or change it.</source>
        <translation>你的角色是{role}，可以查看这个账号，但不能添加内容或修改。</translation>
    </message>
    <message>
        <source>Say what should change: add at least one comment before requesting changes.</source>
        <translation>请说明需要修改什么：要求修改前至少添加一条评论。</translation>
    </message>
    <message>
        <source>Submit, schedule and publish from the note itself.</source>
        <translation>请在笔记中提交、定时和发布。</translation>
    </message>
    <message>
        <source>This collaboration has no note yet. Start one from the brief first.</source>
        <translation>这个合作还没有笔记，请先根据需求创建一篇。</translation>
    </message>
    <message>
        <source>Add the photos or the video before submitting the note for review.</source>
        <translation>提交审核前请先添加图片或视频。</translation>
    </message>
    <message>
        <source>Nothing changed since round {round}; answer the comments, then resubmit.</source>
        <translation>与第 {round} 轮相比没有任何改动；请先处理评论再重新提交。</translation>
    </message>
    <message>
        <source>That note belongs to another account than the collaboration&apos;s.</source>
        <translation>这篇笔记属于其他账号，不是该合作的账号。</translation>
    </message>
    <message>
        <source>Only a draft can become a collaboration&apos;s note (this one is {status}).</source>
        <translation>只有草稿可以作为合作笔记（这篇的状态：{status}）。</translation>
    </message>
    <message>
        <source>That note already belongs to another collaboration.</source>
        <translation>这篇笔记已属于另一个合作。</translation>
    </message>
    <message>
        <source>Round {round} of this collaboration does not exist.</source>
        <translation>这个合作没有第 {round} 轮。</translation>
    </message>
    <message>
        <source>The brief asks for publishing between {publish_from} and {publish_until}.</source>
        <translation>需求要求在 {publish_from} 至 {publish_until} 之间发布。</translation>
    </message>
    <message>
        <source>This collaboration note is protected until {until}: it cannot be deleted or archived before then.</source>
        <translation>这篇合作笔记在 {until} 前处于保护期，不能删除或归档。</translation>
    </message>
    <message>
        <source>You may read this conversation but not write in it.</source>
        <translation>你可以查看对话，但不能发言。</translation>
    </message>
    <message>
        <source>This collaboration has ended ({state}); it takes no more comments.</source>
        <translation>这个合作已结束（{state}），不能再评论。</translation>
    </message>
    <message>
        <source>Nothing has been submitted yet, so there is no photo or field to comment on.</source>
        <translation>还没有提交任何稿件，没有可评论的图片或字段。</translation>
    </message>
    <message>
        <source>The submitted note has no photo number {position}.</source>
        <translation>提交的笔记没有第 {position} 张图。</translation>
    </message>
    <message>
        <source>This comment no longer exists.</source>
        <translation>这条评论已不存在。</translation>
    </message>
    <message>
        <source>As {role} of this account you may read readers&apos; comments but not approve or remove them.</source>
        <translation>你在这个账号的角色是{role}，可以查看读者评论，但不能通过或移除。</translation>
    </message>
    <message>
        <source>This comment was removed; it can no longer be approved.</source>
        <translation>这条评论已被移除，不能再通过。</translation>
    </message>
    <message>
        <source>Someone else changed this comment meanwhile. It has been reloaded.</source>
        <translation>其他人刚刚修改了这条评论，已重新加载。</translation>
    </message>
    <message>
        <source>Someone else changed this brief meanwhile. It has been reloaded: check it and save again.</source>
        <translation>其他人刚刚修改了这个需求，已重新加载：请检查后再次保存。</translation>
    </message>
    <message>
        <source>Give the brief a title.</source>
        <translation>请填写需求标题。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount in yuan. Type it like 1280 or 1280.50.</source>
        <translation>“{text}”不是有效的金额（元）。请按 1280 或 1280.50 的格式填写。</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (fen); “{text}” has more.</source>
        <translation>金额最多两位小数（分），“{text}”超出了。</translation>
    </message>
    <message>
        <source>“{text}” is more than an amount the studio keeps.</source>
        <translation>“{text}”超出了可记录的金额上限。</translation>
    </message>
    <message>
        <source>This account&apos;s profile was changed somewhere else meanwhile. It has been reloaded: edit it again.</source>
        <translation>账号资料刚在别处被修改，已重新加载：请再编辑一次。</translation>
    </message>
    <message>
        <source>This storefront was changed somewhere else. Its current details are shown.</source>
        <translation>店铺刚在别处被修改，现显示最新信息。</translation>
    </message>
    <message>
        <source>This product was changed somewhere else in the meantime.</source>
        <translation>这个商品刚在别处被修改。</translation>
    </message>
    <message>
        <source>The CSV file is larger than {max} MB. Split it into smaller files.</source>
        <translation>CSV 文件超过 {max} MB，请拆分成多个小文件。</translation>
    </message>
    <message>
        <source>The CSV file is neither UTF-8 nor GB18030 text. Save it again as CSV UTF-8.</source>
        <translation>CSV 文件既不是 UTF-8 也不是 GB18030 编码，请另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>The CSV file has no header row.</source>
        <translation>CSV 文件缺少表头行。</translation>
    </message>
    <message>
        <source>The CSV file has no “{column}” column. It needs sku, name and price (or SKU/商品编码, 商品名称 and 价格(元)).</source>
        <translation>CSV 文件缺少“{column}”列。需要 sku、name 和 price（或 SKU/商品编码、商品名称 和 价格(元)）。</translation>
    </message>
    <message>
        <source>The SKU is empty.</source>
        <translation>SKU 为空。</translation>
    </message>
    <message>
        <source>The SKU “{sku}” has spaces or is longer than {max} characters.</source>
        <translation>SKU“{sku}”含有空格或超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>The SKU “{sku}” is already on row {first_row} of this file.</source>
        <translation>SKU“{sku}”已出现在本文件第 {first_row} 行。</translation>
    </message>
    <message>
        <source>The product name is empty.</source>
        <translation>商品名称为空。</translation>
    </message>
    <message>
        <source>The product name is longer than {max} characters or has line breaks.</source>
        <translation>商品名称超过 {max} 个字符或含有换行。</translation>
    </message>
    <message>
        <source>“{value}” is not a price in yuan (for example 129 or 129.90).</source>
        <translation>“{value}”不是有效的价格（元），例如 129 或 129.90。</translation>
    </message>
    <message>
        <source>“{value}” is not a currency code (for example CNY).</source>
        <translation>“{value}”不是币种代码（例如 CNY）。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number of items in stock.</source>
        <translation>“{value}”不是整数库存。</translation>
    </message>
    <message>
        <source>The stock cannot be negative ({value}).</source>
        <translation>库存不能为负数（{value}）。</translation>
    </message>
    <message>
        <source>“{value}” is not a status: use 在售 / on_sale or 下架 / off_shelf.</source>
        <translation>“{value}”不是有效状态：请填 在售 / on_sale 或 下架 / off_shelf。</translation>
    </message>
    <message>
        <source>The link “{value}” is not a web address starting with http:// or https://.</source>
        <translation>链接“{value}”不是以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>The images must be at most {max} image ids (sha256) joined by “|”.</source>
        <translation>图片最多 {max} 个图片 ID（sha256），用“|”连接。</translation>
    </message>
    <message>
        <source>No room for it in these days under these rules.</source>
        <translation>按这些规则，这几天排不下这篇。</translation>
    </message>
    <message>
        <source>The posting hours end before they start.</source>
        <translation>发布时段的结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>Allow at least one post a day.</source>
        <translation>每天至少允许发布一篇。</translation>
    </message>
    <message>
        <source>A gap cannot be negative.</source>
        <translation>间隔不能为负数。</translation>
    </message>
    <message>
        <source>A time without a time zone.</source>
        <translation>时间缺少时区。</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Only drafts and scheduled notes move to another account (this one: {status}).</source>
        <translation>只有草稿和已定时的笔记可以移到其他账号（这篇：{status}）。</translation>
    </message>
    <message>
        <source>A brand collaboration&apos;s note stays with the account the brand chose.</source>
        <translation>品牌合作笔记只能留在品牌选定的账号下。</translation>
    </message>
    <message>
        <source>Presets are applied to drafts and scheduled notes only (this one: {status}).</source>
        <translation>预设只应用于草稿和已定时的笔记（这篇：{status}）。</translation>
    </message>
    <message>
        <source>No photos to apply a preset to (a video, or covers made from a template).</source>
        <translation>没有可应用预设的图片（视频，或用模板制作的封面）。</translation>
    </message>
    <message>
        <source>The CSV file has no “{column}” column. It needs at least account (or 账号), and may have time, title, body, topics and image paths (发布时间, 标题, 正文, 话题, 图片).</source>
        <translation>CSV 文件缺少“{column}”列。至少需要“账号”（account）列，还可以有发布时间、标题、正文、话题和图片（time, title, body, topics, images）。</translation>
    </message>
    <message>
        <source>The account is empty.</source>
        <translation>账号为空。</translation>
    </message>
    <message>
        <source>There is no account “{account}” among yours.</source>
        <translation>你的账号中没有“{account}”。</translation>
    </message>
    <message>
        <source>Several of your accounts are called “{account}”.</source>
        <translation>你有多个账号都叫“{account}”。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (for example 2026-11-03 20:00).</source>
        <translation>“{value}”不是日期和时间（例如 2026-11-03 20:00）。</translation>
    </message>
    <message>
        <source>{value} has passed.</source>
        <translation>{value} 已经过去。</translation>
    </message>
    <message>
        <source>{value} is too soon: the earliest time to schedule is {earliest}.</source>
        <translation>{value} 太近：最早可定时到 {earliest}。</translation>
    </message>
    <message>
        <source>{value} is too far ahead: the latest time to schedule is {latest}.</source>
        <translation>{value} 太远：最晚可定时到 {latest}。</translation>
    </message>
    <message>
        <source>The title or body holds a NUL character.</source>
        <translation>标题或正文中含有 NUL 字符。</translation>
    </message>
    <message>
        <source>The title is {units} units wide; the platform allows {max}.</source>
        <translation>标题宽度为 {units} 个单位，平台最多允许 {max}。</translation>
    </message>
    <message>
        <source>The body has {count} characters; the platform allows {max}.</source>
        <translation>正文有 {count} 个字，平台最多允许 {max}。</translation>
    </message>
    <message>
        <source>{count} topics; the platform allows {max}.</source>
        <translation>话题 {count} 个，平台最多允许 {max} 个。</translation>
    </message>
    <message>
        <source>The topic “{topic}” is longer than {max} characters.</source>
        <translation>话题“{topic}”超过 {max} 个字。</translation>
    </message>
    <message>
        <source>{count} photos; a note takes at most {max}.</source>
        <translation>图片 {count} 张，一篇笔记最多 {max} 张。</translation>
    </message>
    <message>
        <source>The photo “{file}” is not there (paths start at the CSV file&apos;s folder).</source>
        <translation>找不到图片“{file}”（相对路径从 CSV 文件所在文件夹算起）。</translation>
    </message>
    <message>
        <source>“{file}” is not a photo the studio can read (JPEG, PNG, WebP, HEIC).</source>
        <translation>“{file}”不是工作室能读取的图片（JPEG、PNG、WebP、HEIC）。</translation>
    </message>
    <message>
        <source>The row is empty.</source>
        <translation>这一行是空的。</translation>
    </message>
    <message>
        <source>The row has no title, body or photos: there is nothing to create.</source>
        <translation>这一行没有标题、正文或图片，无法创建笔记。</translation>
    </message>
    <message>
        <source>A note to schedule needs a title.</source>
        <translation>要定时发布的笔记需要标题。</translation>
    </message>
    <message>
        <source>A note to schedule needs at least one photo.</source>
        <translation>要定时发布的笔记至少需要一张图片。</translation>
    </message>
    <message>
        <source>The same note as row {first_row}.</source>
        <translation>与第 {first_row} 行是同一篇笔记。</translation>
    </message>
    <message>
        <source>Only .xlsx and .csv exports can be imported, not {extension} files. Open the file in Excel or WPS and save it as .xlsx.</source>
        <translation>只能导入 .xlsx 和 .csv 格式的导出文件，不支持 {extension} 文件。请用 Excel 或 WPS 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The file is larger than {max} MB.</source>
        <translation>文件超过 {max} MB。</translation>
    </message>
    <message>
        <source>The file is not a readable Excel workbook (.xlsx).</source>
        <translation>该文件不是可读取的 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The workbook unpacks to more than {max} MB: it is not a note data export.</source>
        <translation>该工作簿解压后超过 {max} MB，不是笔记数据导出文件。</translation>
    </message>
    <message>
        <source>No table header with known columns (笔记标题, 曝光, 观看, 点赞 …) was found near the top of the file.</source>
        <translation>在文件开头没有找到包含已知列名（笔记标题、曝光、观看、点赞等）的表头。</translation>
    </message>
    <message>
        <source>The table has no column naming the note: it needs 笔记标题, 笔记链接 or 笔记ID.</source>
        <translation>表格中没有标识笔记的列：需要“笔记标题”“笔记链接”或“笔记ID”。</translation>
    </message>
    <message>
        <source>The table has no data columns (曝光, 观看, 点赞, 收藏 …).</source>
        <translation>表格中没有数据列（曝光、观看、点赞、收藏等）。</translation>
    </message>
    <message>
        <source>The table has more than {max} columns.</source>
        <translation>表格超过 {max} 列。</translation>
    </message>
    <message>
        <source>The file has more than {max} rows. Export a shorter period.</source>
        <translation>文件超过 {max} 行，请导出较短时间范围的数据。</translation>
    </message>
    <message>
        <source>“{value}” in “{column}” is not a count.</source>
        <translation>“{column}”列中的“{value}”不是有效的数量。</translation>
    </message>
    <message>
        <source>“{column}” cannot be negative ({value}).</source>
        <translation>“{column}”不能为负数（{value}）。</translation>
    </message>
    <message>
        <source>“{value}” in “{column}” is not a percentage.</source>
        <translation>“{column}”列中的“{value}”不是有效的百分比。</translation>
    </message>
    <message>
        <source>“{value}” in “{column}” is not a duration.</source>
        <translation>“{column}”列中的“{value}”不是有效的时长。</translation>
    </message>
    <message>
        <source>“{value}” in “{column}” is not a date.</source>
        <translation>“{column}”列中的“{value}”不是有效的日期。</translation>
    </message>
    <message>
        <source>“{value}” in “{column}” is not a note ID (24 characters, 0–9 and a–f).</source>
        <translation>“{column}”列中的“{value}”不是有效的笔记ID（24 位，0–9 和 a–f）。</translation>
    </message>
    <message>
        <source>The note ID “{value}” does not match the note in the link ({link}).</source>
        <translation>笔记ID“{value}”与链接中的笔记（{link}）不一致。</translation>
    </message>
    <message>
        <source>This note is already on row {first_row} of this file.</source>
        <translation>该笔记已在本文件第 {first_row} 行出现。</translation>
    </message>
    <message>
        <source>Blank row.</source>
        <translation>空行。</translation>
    </message>
    <message>
        <source>A totals row, not a note.</source>
        <translation>合计行，不是笔记。</translation>
    </message>
    <message>
        <source>No note data on this row.</source>
        <translation>这一行没有笔记数据。</translation>
    </message>
    <message>
        <source>Choose a period whose end is not before its start, of at most {max_days} days.</source>
        <translation>请选择结束日期不早于开始日期、且不超过 {max_days} 天的时间段。</translation>
    </message>
    <message>
        <source>The table cannot be sorted that way.</source>
        <translation>表格不能按这一项排序。</translation>
    </message>
    <message>
        <source>Say which note or campaign the money was spent on.</source>
        <translation>请选择这笔投放花在哪篇笔记或哪个活动上。</translation>
    </message>
    <message>
        <source>That note is not part of this campaign.</source>
        <translation>这篇笔记不属于该活动。</translation>
    </message>
    <message>
        <source>That spend record no longer exists.</source>
        <translation>这条投放记录已不存在。</translation>
    </message>
    <message>
        <source>Row {row} was matched to a note that is not a published note of this account.</source>
        <translation>第 {row} 行对应的笔记不是该账号已发布的笔记。</translation>
    </message>
    <message>
        <source>The export&apos;s date cannot be in the future.</source>
        <translation>导出数据的日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The events must be sent as a JSON list.</source>
        <translation>事件必须以 JSON 列表发送。</translation>
    </message>
    <message>
        <source>At most {max} events can be sent at once.</source>
        <translation>一次最多发送 {max} 个事件。</translation>
    </message>
    <message>
        <source>The event&apos;s “{field}” is missing or wrong.</source>
        <translation>事件的“{field}”缺失或有误。</translation>
    </message>
    <message>
        <source>Events are only counted for published notes.</source>
        <translation>只统计已发布笔记的事件。</translation>
    </message>
    <message>
        <source>The event&apos;s time is in the future.</source>
        <translation>事件时间晚于当前时间。</translation>
    </message>
    <message>
        <source>The event&apos;s time is before the year 2000.</source>
        <translation>事件时间早于 2000 年。</translation>
    </message>
    <message>
        <source>The event&apos;s value does not fit a {kind} event.</source>
        <translation>事件的数值不符合 {kind} 事件。</translation>
    </message>
    <message>
        <source>A {kind} event carries no value.</source>
        <translation>{kind} 事件不带数值。</translation>
    </message>
    <message>
        <source>A finished video view needs its watch time.</source>
        <translation>完播的观看需要带上观看时长。</translation>
    </message>
    <message>
        <source>You may look at this brand kit but not change it (your role: {role}).</source>
        <translation>你可以查看这个品牌套件，但不能修改（你的角色：{role}）。</translation>
    </message>
    <message>
        <source>This brand kit is not valid ({field}: {reason}).</source>
        <translation>这个品牌套件无效（{field}：{reason}）。</translation>
    </message>
    <message>
        <source>A brand colour ({field}) is not a colour of the form #RRGGBB.</source>
        <translation>品牌色（{field}）不是 #RRGGBB 格式的颜色。</translation>
    </message>
    <message>
        <source>A brand colour ({field}) is missing.</source>
        <translation>缺少品牌色（{field}）。</translation>
    </message>
    <message>
        <source>The logo is not among your uploads. Choose the logo file again.</source>
        <translation>这个 Logo 不在你上传的文件中。请重新选择 Logo 文件。</translation>
    </message>
    <message>
        <source>This brand kit has no logo yet.</source>
        <translation>这个品牌套件还没有 Logo。</translation>
    </message>
    <message>
        <source>The logo must be a PNG image, so that its transparent background stays transparent.</source>
        <translation>Logo 必须是 PNG 图片，这样透明背景才能保持透明。</translation>
    </message>
    <message>
        <source>This brand kit was changed somewhere else; the latest is shown now.</source>
        <translation>这个品牌套件已在别处被修改；现在显示的是最新版本。</translation>
    </message>
    <message>
        <source>This template is too large to save.</source>
        <translation>这个模板太大，无法保存。</translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation>这个模板已不存在。</translation>
    </message>
    <message>
        <source>You already have a template called “{name}”. Choose another name.</source>
        <translation>你已经有一个名为“{name}”的模板。请换一个名称。</translation>
    </message>
    <message>
        <source>This template was changed somewhere else; the list shows the latest now.</source>
        <translation>这个模板已在别处被修改；列表现在显示最新版本。</translation>
    </message>
    <message>
        <source>How this cover was composed could not be saved ({field}: {reason}).</source>
        <translation>无法保存这张封面的组成方式（{field}：{reason}）。</translation>
    </message>
    <message>
        <source>This is not a valid .cube file (line {line}).</source>
        <translation>这不是有效的 .cube 文件（第 {line} 行）。</translation>
    </message>
    <message>
        <source>This .cube file is incomplete: it should have {expected} colour rows but has {found}.</source>
        <translation>.cube 文件不完整：应有 {expected} 行颜色数据，实际只有 {found} 行。</translation>
    </message>
    <message>
        <source>This .cube file has something that is not a number on line {line}.</source>
        <translation>.cube 文件第 {line} 行含有非数字内容。</translation>
    </message>
    <message>
        <source>This .cube file has an impossible value on line {line}.</source>
        <translation>.cube 文件第 {line} 行的数值无效。</translation>
    </message>
    <message>
        <source>This .cube file does not say its size (LUT_3D_SIZE).</source>
        <translation>.cube 文件缺少尺寸声明（LUT_3D_SIZE）。</translation>
    </message>
    <message>
        <source>This .cube file has an unusable {keyword} on line {line}.</source>
        <translation>.cube 文件第 {line} 行的 {keyword} 无法使用。</translation>
    </message>
    <message>
        <source>This .cube file has an unknown line {line}.</source>
        <translation>.cube 文件第 {line} 行无法识别。</translation>
    </message>
    <message>
        <source>This .cube file is too large.</source>
        <translation>.cube 文件太大。</translation>
    </message>
    <message>
        <source>This is not a .cube file: it is not plain UTF-8 text.</source>
        <translation>这不是 .cube 文件：它不是 UTF-8 纯文本。</translation>
    </message>
    <message>
        <source>This imported look no longer exists.</source>
        <translation>该导入的滤镜已不存在。</translation>
    </message>
    <message>
        <source>The stored copy of this imported look is missing on the backend.</source>
        <translation>后台找不到该导入滤镜的存档。</translation>
    </message>
    <message>
        <source>A downloaded image was damaged on the way. Please try again.</source>
        <translation>下载的图片在传输中损坏，请重试。</translation>
    </message>
    <message>
        <source>The stored copy of this image is missing on the backend.</source>
        <translation>后台找不到这张图片的存档。</translation>
    </message>
    <message>
        <source>A photo holds at most {max} texts and stickers. Delete one to add another.</source>
        <translation>一张图片最多有 {max} 个文字和贴纸。请先删除一个再添加。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({error}). Please try again.</source>
        <translation>发生了意外错误（{error}）。请重试。</translation>
    </message>
    <message>
        <source>Stickers and logos must be PNG pictures.</source>
        <translation>贴纸和 Logo 必须是 PNG 图片。</translation>
    </message>
    <message>
        <source>This picture is too large to use as a sticker or logo. Make it smaller.</source>
        <translation>这张图片太大，无法用作贴纸或 Logo。请缩小后再试。</translation>
    </message>
    <message>
        <source>This picture is too long and thin to use as a sticker or logo.</source>
        <translation>这张图片太细长，无法用作贴纸或 Logo。</translation>
    </message>
    <message>
        <source>This subtitle file is too large ({size}); it may be at most {max}.</source>
        <translation>字幕文件过大（{size}），最大 {max}。</translation>
    </message>
    <message>
        <source>This subtitle file is not readable text. Save it as UTF-8 and try again.</source>
        <translation>字幕文件不是可读的文本。请另存为 UTF-8 编码后重试。</translation>
    </message>
    <message>
        <source>This is not an SRT subtitle file: line {line} cannot be read.</source>
        <translation>这不是 SRT 字幕文件：第 {line} 行无法读取。</translation>
    </message>
    <message>
        <source>This subtitle file has no subtitles.</source>
        <translation>字幕文件里没有字幕。</translation>
    </message>
    <message>
        <source>There are {count} subtitles; the video has room for {max}.</source>
        <translation>共有 {count} 条字幕，视频最多容纳 {max} 条。</translation>
    </message>
    <message>
        <source>This is not a supported video (MP4, MOV, MKV or WebM).</source>
        <translation>不是支持的视频格式（MP4、MOV、MKV 或 WebM）。</translation>
    </message>
    <message>
        <source>The video is damaged and cannot be read.</source>
        <translation>视频已损坏，无法读取。</translation>
    </message>
    <message>
        <source>This file has no picture: it is sound only, or empty.</source>
        <translation>这个文件没有画面：只有声音，或是空文件。</translation>
    </message>
    <message>
        <source>This is not a sound file the studio takes (MP3, M4A, AAC, WAV, FLAC, Ogg).</source>
        <translation>这不是工作室支持的音频文件（MP3、M4A、AAC、WAV、FLAC、Ogg）。</translation>
    </message>
    <message>
        <source>This file has no sound.</source>
        <translation>这个文件没有声音。</translation>
    </message>
    <message>
        <source>This video has no length.</source>
        <translation>这个视频的时长为零。</translation>
    </message>
    <message>
        <source>This video is too long ({seconds}); it may last at most {max}.</source>
        <translation>视频太长（{seconds}），最长 {max}。</translation>
    </message>
    <message>
        <source>The video is too large ({width}×{height} pixels); no side may exceed {max}.</source>
        <translation>视频尺寸过大（{width}×{height} 像素），任一边都不能超过 {max}。</translation>
    </message>
    <message>
        <source>The part from {start} s to {end} s is not inside the video (0 to {duration} s).</source>
        <translation>{start} 秒到 {end} 秒这一段不在视频范围内（0 到 {duration} 秒）。</translation>
    </message>
    <message>
        <source>A trimmed copy can be saved as {allowed}, not as {suffix}.</source>
        <translation>修剪后的副本只能保存为 {allowed}，不能保存为 {suffix}。</translation>
    </message>
    <message>
        <source>This video&apos;s {codec} stream cannot go into a .{format} file unchanged. Choose another file type.</source>
        <translation>这个视频的 {codec} 流无法原样放入 .{format} 文件。请选择其他文件类型。</translation>
    </message>
    <message>
        <source>The video job was cancelled.</source>
        <translation>视频任务已取消。</translation>
    </message>
    <message>
        <source>The video can have at most {max} clips. Delete a clip to make room.</source>
        <translation>视频最多包含 {max} 个片段。请先删除一个片段。</translation>
    </message>
    <message>
        <source>A video this edit uses is missing. Add it again or remove its clips.</source>
        <translation>这次编辑用到的一个视频找不到了。请重新添加，或删除它的片段。</translation>
    </message>
    <message>
        <source>There is nothing to export: the timeline has no clips left to play.</source>
        <translation>没有可导出的内容：时间线上已没有可播放的片段。</translation>
    </message>
    <message>
        <source>A video can be saved as {allowed}, not as {suffix}.</source>
        <translation>视频只能保存为 {allowed}，不能保存为 {suffix}。</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>出了点问题（{code}）。</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>Impressions</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>观看</translation>
    </message>
    <message>
        <source>Cover CTR</source>
        <translation>封面点击率</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Collects</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Follows gained</source>
        <translation>涨粉</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完播率</translation>
    </message>
    <message>
        <source>Avg watch time</source>
        <translation>平均观看时长</translation>
    </message>
    <message>
        <source>Product clicks</source>
        <translation>商品点击</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>CPE</source>
        <translation>CPE</translation>
    </message>
    <message>
        <source>CPM</source>
        <translation>CPM</translation>
    </message>
    <message>
        <source>Video views</source>
        <translation>视频观看</translation>
    </message>
    <message>
        <source>Watch time</source>
        <translation>观看时长</translation>
    </message>
    <message>
        <source>Completed views</source>
        <translation>完播次数</translation>
    </message>
    <message>
        <source>definition v%1</source>
        <translation>口径 v%1</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move to another account</source>
        <translation>移到其他账号</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>Selected: {count}. Drafts and scheduled notes move. A scheduled note keeps its time and goes out from the new account; use Schedule across accounts to space that account&apos;s week again.</source>
        <translation>已选：{count}。草稿和已定时的笔记可以移动。已定时的笔记保留原发布时间，改由新账号发布；如需重新安排该账号一周的节奏，请用“跨账号排期”。</translation>
    </message>
    <message>
        <source>Move ({count})</source>
        <translation>移动（{count}）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原账号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Moved to {account}</source>
        <translation>已移到 {account}</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Moved: {moved}. Not moved: {left}.</source>
        <translation>已移动：{moved}。未移动：{left}。</translation>
    </message>
</context>
<context>
    <name>MusicPanel</name>
    <message>
        <source>＋  Add music…</source>
        <translation>＋  添加音乐…</translation>
    </message>
    <message>
        <source>Pick a song or a voice-over (MP3, M4A, WAV…)</source>
        <translation>选择歌曲或配音（MP3、M4A、WAV…）</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Use another audio file instead</source>
        <translation>换用其他音频文件</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take the music off the video</source>
        <translation>从视频中移除音乐</translation>
    </message>
    <message>
        <source>Original sound</source>
        <translation>原声</translation>
    </message>
    <message>
        <source>How loud the videos&apos; own sound plays; 0 % silences it</source>
        <translation>视频原声的音量；0 % 即静音</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation>淡入</translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation>淡出</translation>
    </message>
    <message>
        <source>Fade</source>
        <translation>淡入淡出</translation>
    </message>
    <message>
        <source>The music rises at the start of the video and dies away at its end.</source>
        <translation>音乐在视频开头渐强，在结尾渐弱。</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>No music yet</source>
        <translation>还没有音乐</translation>
    </message>
    <message>
        <source>Add a song or a voice-over under your video.</source>
        <translation>为视频添加歌曲或配音。</translation>
    </message>
    <message>
        <source>{length} long</source>
        <translation>时长 {length}</translation>
    </message>
</context>
<context>
    <name>NearDuplicates</name>
    <message>
        <source>Same photo</source>
        <translation>图片雷同</translation>
    </message>
    <message>
        <source>Same text</source>
        <translation>文字雷同</translation>
    </message>
    <message>
        <source>Same photo and text</source>
        <translation>图文雷同</translation>
    </message>
    <message>
        <source>Photo {mine} ≈ their photo {theirs}</source>
        <translation>本篇图 {mine} ≈ 对方图 {theirs}</translation>
    </message>
    <message>
        <source>Text {percent} % similar</source>
        <translation>文字相似度 {percent}%</translation>
    </message>
    <message>
        <source>Published {time}</source>
        <translation>已于 {time} 发布</translation>
    </message>
    <message>
        <source>Scheduled for {time}</source>
        <translation>定时 {time} 发布</translation>
    </message>
    <message>
        <source>Held at its publishing time</source>
        <translation>到发布时间时被暂缓</translation>
    </message>
    <message>
        <source>Draft, checked with this one</source>
        <translation>草稿，与本篇一同检查</translation>
    </message>
</context>
<context>
    <name>NearDuplicatesDialog</name>
    <message>
        <source>Similar content on your accounts</source>
        <translation>账号中已有相似内容</translation>
    </message>
    <message>
        <source>This note looks like notes already on your accounts</source>
        <translation>这篇笔记与你账号中已有的笔记相似</translation>
    </message>
    <message>
        <source>The platform shows the same content posted on several accounts to fewer people. Change the photos or the text, or go ahead if it is meant to be so.</source>
        <translation>同样的内容发在多个账号上，平台会减少推荐。可以换图或改写文字；如确有需要，也可以继续。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NewOrganizationDialog</name>
    <message>
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>Name, e.g. 星河MCN or 花知晓</source>
        <translation>名称，例如 星河MCN 或 花知晓</translation>
    </message>
    <message>
        <source>Runs creators&apos; accounts: staff plan, write and schedule for the accounts creators put under its management.</source>
        <translation>运营达人账号：团队成员为达人托管的账号策划、撰写和定时发布笔记。</translation>
    </message>
    <message>
        <source>Keeps a storefront, writes briefs and reviews the notes creators submit.</source>
        <translation>经营店铺、发布合作需求，并审核达人提交的笔记。</translation>
    </message>
    <message>
        <source>You become its owner and can invite the others.</source>
        <translation>你将成为它的所有者，并可以邀请其他人。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>NewStorefrontDialog</name>
    <message>
        <source>Create storefront</source>
        <translation>创建店铺</translation>
    </message>
    <message>
        <source>e.g. Little Red Beauty Flagship</source>
        <translation>例如：小红美妆旗舰店</translation>
    </message>
    <message>
        <source>New brand organization…</source>
        <translation>新建品牌组织…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Everyone in the organization sees and edits this storefront.</source>
        <translation>组织内的所有成员都能查看和编辑这个店铺。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>New brand organization</source>
        <translation>新建品牌组织</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>品牌名称</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Drafts, scheduled and published notes of your accounts</source>
        <translation>你的账号下的草稿、定时发布和已发布笔记</translation>
    </message>
    <message>
        <source>Search titles and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Public page</source>
        <translation>公开页面</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>立即发布</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新建笔记</translation>
    </message>
    <message>
        <source>Its link and QR code for a phone, and readers&apos; comments held for you</source>
        <translation>笔记的链接和手机扫码用的二维码，以及等你审核的读者评论</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>共 {count} 篇笔记</translation>
    </message>
    <message>
        <source>No notes here yet. Write one on the Create page.</source>
        <translation>这里还没有笔记，去“创作”写一篇吧。</translation>
    </message>
    <message>
        <source>No notes match this filter.</source>
        <translation>没有符合筛选条件的笔记。</translation>
    </message>
    <message>
        <source>“{title}” is published.</source>
        <translation>“{title}”已发布。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>Not published:</source>
        <translation>未发布：</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>笔记已删除。</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <source>Delete “{title}”? This cannot be undone.</source>
        <translation>确定删除“{title}”吗？删除后无法恢复。</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Most viewed in this period</source>
        <translation>本期观看最多的笔记</translation>
    </message>
    <message>
        <source>Search titles</source>
        <translation>搜索标题</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>{count} published notes</source>
        <translation>共 {count} 篇已发布笔记</translation>
    </message>
    <message>
        <source>No note title contains “{text}”.</source>
        <translation>没有标题包含“{text}”的笔记。</translation>
    </message>
    <message>
        <source>No published notes here yet.</source>
        <translation>这里还没有已发布的笔记。</translation>
    </message>
    <message>
        <source>Open note</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <source>Public page…</source>
        <translation>公开页面…</translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>{count} unread</source>
        <translation>{count} 条未读</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>暂无通知。</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 天前</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>{brand} invites {account} to “{brief}”.</source>
        <translation>{brand} 邀请 {account} 参与“{brief}”。</translation>
    </message>
    <message>
        <source>{account} applied to “{brief}” (quote {quote}).</source>
        <translation>{account} 报名了“{brief}”（报价 {quote}）。</translation>
    </message>
    <message>
        <source>“{brief}” with {account} is accepted: the note can be written.</source>
        <translation>{account} 的“{brief}”合作已确认，可以开始写笔记了。</translation>
    </message>
    <message>
        <source>“{brief}” with {account} was declined.</source>
        <translation>{account} 的“{brief}”合作已被拒绝。</translation>
    </message>
    <message>
        <source>{account} withdrew from “{brief}”.</source>
        <translation>{account} 退出了“{brief}”。</translation>
    </message>
    <message>
        <source>{account} submitted round {round} of “{brief}” for review.</source>
        <translation>{account} 提交了“{brief}”第 {round} 轮稿件，等待审核。</translation>
    </message>
    <message>
        <source>The brand approved {account}&apos;s note for “{brief}”: it can be scheduled.</source>
        <translation>品牌已通过 {account} 的“{brief}”笔记，可以定时发布了。</translation>
    </message>
    <message>
        <source>The brand asks for changes to {account}&apos;s note for “{brief}”.</source>
        <translation>品牌要求修改 {account} 的“{brief}”笔记。</translation>
    </message>
    <message>
        <source>The brand rejected {account}&apos;s note for “{brief}”.</source>
        <translation>品牌驳回了 {account} 的“{brief}”笔记。</translation>
    </message>
    <message>
        <source>New comment on “{brief}” ({account}): {text}</source>
        <translation>“{brief}”（{account}）有新评论：{text}</translation>
    </message>
    <message>
        <source>{account} changed the approved note for “{brief}”: a new round will follow.</source>
        <translation>{account} 修改了已通过的“{brief}”笔记，将重新提交审核。</translation>
    </message>
    <message>
        <source>{account}&apos;s note for “{brief}” is published.</source>
        <translation>{account} 的“{brief}”笔记已发布。</translation>
    </message>
    <message>
        <source>The brand marked “{brief}” with {account} completed.</source>
        <translation>品牌已将 {account} 的“{brief}”合作标记为完成。</translation>
    </message>
    <message>
        <source>The brand cancelled “{brief}” with {account}.</source>
        <translation>品牌取消了与 {account} 的“{brief}”合作。</translation>
    </message>
    <message>
        <source>Review {account}&apos;s round {round} of “{brief}” by {due}.</source>
        <translation>请在 {due} 前审核 {account} 的“{brief}”第 {round} 轮稿件。</translation>
    </message>
    <message>
        <source>Answer the invitation to “{brief}” for {account} by {due}.</source>
        <translation>请在 {due} 前回复 {account} 收到的“{brief}”邀请。</translation>
    </message>
    <message>
        <source>“{brief}” must be published by {due} ({account}).</source>
        <translation>“{brief}”须在 {due} 前发布（{account}）。</translation>
    </message>
    <message>
        <source>{by} put {account} under {organization}&apos;s management.</source>
        <translation>{by} 已将 {account} 交由 {organization} 托管。</translation>
    </message>
    <message>
        <source>{by} ended {organization}&apos;s management of {account}.</source>
        <translation>{by} 已结束 {organization} 对 {account} 的托管。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>“{title}” was due while the studio was closed and is published late. Its publish package is ready.</source>
        <translation>「{title}」到点时工作室未运行，现已延后发布。发布包已准备好。</translation>
    </message>
    <message>
        <source>“{title}” is due now. Its publish package is ready.</source>
        <translation>「{title}」到发布时间了，发布包已准备好。</translation>
    </message>
    <message>
        <source>“{title}” was due while the studio was closed and is held for you to decide.</source>
        <translation>「{title}」到点时工作室未运行，已暂缓发布，等你决定。</translation>
    </message>
    <message>
        <source>“{title}” is held: it no longer passes the checklist.</source>
        <translation>「{title}」已暂缓发布：它未通过发布前检查。</translation>
    </message>
    <message>
        <source>“{title}” is held.</source>
        <translation>「{title}」已暂缓发布。</translation>
    </message>
    <message>
        <source>Something happened to “{title}”.</source>
        <translation>「{title}」有新动态。</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Day by day</source>
        <translation>每日趋势</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一周期</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Publish package</source>
        <translation>发布包</translation>
    </message>
    <message>
        <source>Post it in the platform&apos;s creator web page: drag the saved images in order, paste the caption, then confirm here.</source>
        <translation>在小红书创作服务平台发布：按顺序拖入保存好的图片，粘贴文案，发布后回到这里确认。</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>文案</translation>
    </message>
    <message>
        <source>Copy caption</source>
        <translation>复制文案</translation>
    </message>
    <message>
        <source>Save files to folder…</source>
        <translation>保存到文件夹…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Posted on the platform?</source>
        <translation>已经在平台发布了吗？</translation>
    </message>
    <message>
        <source>Note link on the platform (optional)</source>
        <translation>笔记在平台上的链接（选填）</translation>
    </message>
    <message>
        <source>I posted it</source>
        <translation>我已发布</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>{number} · cover</source>
        <translation>{number} · 封面</translation>
    </message>
    <message>
        <source>{number}</source>
        <translation>{number}</translation>
    </message>
    <message>
        <source>Caption copied.</source>
        <translation>文案已复制。</translation>
    </message>
    <message>
        <source>Save the package to</source>
        <translation>发布包保存位置</translation>
    </message>
    <message>
        <source>Saved to {folder}</source>
        <translation>已保存到 {folder}</translation>
    </message>
    <message>
        <source>Available once the note is published.</source>
        <translation>笔记发布后才能确认。</translation>
    </message>
    <message>
        <source>Posted — confirmed by {who} at {when}.</source>
        <translation>已发布 — 由 {who} 于 {when} 确认。</translation>
    </message>
    <message>
        <source>Posted — confirmed by another member at {when}.</source>
        <translation>已发布 — 由其他成员于 {when} 确认。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>At least 10 characters. A few unrelated words are easy to remember and hard to guess; no need for symbols. Your other devices will be signed out.</source>
        <translation>至少 10 个字符。几个不相关的词组合起来好记又难猜，不必加符号。你的其他设备将被退出登录。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new one</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>{days} days</source>
        <translation>近{days}天</translation>
    </message>
    <message>
        <source>First day (at most {days} days in all)</source>
        <translation>开始日期（最长 {days} 天）</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Compare with the previous period</source>
        <translation>对比上一周期</translation>
    </message>
    <message>
        <source>vs {range}</source>
        <translation>对比 {range}</translation>
    </message>
</context>
<context>
    <name>PhotoEditor</name>
    <message>
        <source>← Back to note</source>
        <translation>← 返回笔记</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>上一张</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比原图</translation>
    </message>
    <message>
        <source>Hold to see the original (or hold the \ key)</source>
        <translation>按住查看原图（也可以按住 \ 键）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Copy edits</source>
        <translation>复制编辑</translation>
    </message>
    <message>
        <source>Copy this photo&apos;s adjustments, curves and filter</source>
        <translation>复制这张图的调节、曲线和滤镜</translation>
    </message>
    <message>
        <source>Paste edits</source>
        <translation>粘贴编辑</translation>
    </message>
    <message>
        <source>Paste the copied look; this photo keeps its own crop and rotation</source>
        <translation>粘贴复制的效果；这张图保留自己的裁剪和旋转</translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation>应用到全部</translation>
    </message>
    <message>
        <source>Give every photo of this note this look (each keeps its crop)</source>
        <translation>把这个效果用到这篇笔记的所有图片（各自保留裁剪）</translation>
    </message>
    <message>
        <source>Brand comments</source>
        <translation>品牌意见</translation>
    </message>
    <message>
        <source>Show or hide the brand&apos;s comments on this photo and their boxes on it</source>
        <translation>显示或隐藏品牌对这张图的意见及圈出的区域</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save this photo as edited, at the platform&apos;s size, to a folder</source>
        <translation>按平台尺寸把编辑后的图片保存到文件夹</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调节</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>滤镜</translation>
    </message>
    <message>
        <source>Text &amp; stickers</source>
        <translation>文字与贴纸</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>正在打开图片…</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>This photo cannot be opened: {reason}</source>
        <translation>这张图片打不开：{reason}</translation>
    </message>
    <message>
        <source>Edits copied. Open another photo and paste them.</source>
        <translation>已复制编辑，打开另一张图片即可粘贴。</translation>
    </message>
    <message>
        <source>Applied to {count} other photo(s) of this note.</source>
        <translation>已应用到这篇笔记的另外 {count} 张图片。</translation>
    </message>
    <message>
        <source>Export the edited photo to…</source>
        <translation>把编辑后的图片导出到…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>没有导出：{reason}</translation>
    </message>
    <message>
        <source>Preview not updated: {reason}</source>
        <translation>预览没有更新：{reason}</translation>
    </message>
    <message>
        <source>Photo {number} of {count}</source>
        <translation>第 {number}/{count} 张</translation>
    </message>
</context>
<context>
    <name>PhotoNotes</name>
    <message>
        <source>Edit this photo</source>
        <translation>编辑这张图</translation>
    </message>
    <message>
        <source>Open it in the editor with the brand&apos;s boxes on it</source>
        <translation>在编辑器中打开，并显示品牌圈出的区域</translation>
    </message>
    <message>
        <source>Photo {number} of the round (no longer in the note)</source>
        <translation>本轮第 {number} 张图（已不在笔记中）</translation>
    </message>
    <message>
        <source>Photo {number} (photo {was} in the round)</source>
        <translation>第 {number} 张图（本轮中为第 {was} 张）</translation>
    </message>
</context>
<context>
    <name>PhotoOrder</name>
    <message>
        <source>Fills slot {number}</source>
        <translation>填入第 {number} 格</translation>
    </message>
    <message>
        <source>Not used by this template</source>
        <translation>这个模板用不到</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Search a place: 成都, chengdu or cd</source>
        <translation>搜索地点：成都、chengdu 或 cd</translation>
    </message>
    <message>
        <source>Add a place…</source>
        <translation>添加地点…</translation>
    </message>
    <message>
        <source>Add and use</source>
        <translation>添加并使用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>📍 {name}</source>
        <translation>📍 {name}</translation>
    </message>
    <message>
        <source>No place yet</source>
        <translation>未添加地点</translation>
    </message>
    <message>
        <source>No recent places yet: search one.</source>
        <translation>还没有最近使用的地点，搜索一个吧。</translation>
    </message>
    <message>
        <source>No place matches.</source>
        <translation>没有找到匹配的地点。</translation>
    </message>
    <message>
        <source>Show more ({count} more places)</source>
        <translation>显示更多（还有 {count} 个地点）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <source>Apply a preset</source>
        <translation>应用预设</translation>
    </message>
    <message>
        <source>Apply a preset to the photos of the selected notes</source>
        <translation>为所选笔记的图片应用预设</translation>
    </message>
    <message>
        <source>The preset&apos;s adjustments, curves and filter replace each photo&apos;s; its crop, text and stickers stay. Every photo is rendered again, so this takes a moment.</source>
        <translation>预设的调节、曲线和滤镜会替换每张图片原有的设置；裁剪、文字和贴纸保持不变。每张图片都要重新渲染，需要一点时间。</translation>
    </message>
    <message>
        <source>Apply ({count})</source>
        <translation>应用（{count}）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Photos: {count}</source>
        <translation>图片：{count}</translation>
    </message>
    <message>
        <source>No presets yet. Edit a photo, name the look and save it as a preset.</source>
        <translation>还没有预设。先编辑一张图片，给这个风格起名并存为预设。</translation>
    </message>
    <message>
        <source>Photos changed: {count}</source>
        <translation>已修改图片：{count}</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Notes changed: {applied}. Left as they were: {left}.</source>
        <translation>已修改笔记：{applied}。保持不变：{left}。</translation>
    </message>
</context>
<context>
    <name>PresetsPanel</name>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>A preset keeps adjust, curves and filter. Applying one replaces those and keeps this photo&apos;s crop and rotation.</source>
        <translation>预设保存调节、曲线和滤镜。应用预设会替换这些设置，并保留这张照片的裁剪和旋转。</translation>
    </message>
    <message>
        <source>Name this look</source>
        <translation>给这个风格起个名字</translation>
    </message>
    <message>
        <source>Save current as…</source>
        <translation>存为预设…</translation>
    </message>
    <message>
        <source>No presets yet. Edit a photo, name the look and save it.</source>
        <translation>还没有预设。修好一张照片后，起个名字保存下来吧。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>In the feed · real size</source>
        <translation>信息流 · 实际大小</translation>
    </message>
    <message>
        <source>Note page</source>
        <translation>笔记详情页</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Say something…</source>
        <translation>说点什么…</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>赞</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Products in this note</source>
        <translation>笔记中的商品</translation>
    </message>
    <message>
        <source>No comments yet</source>
        <translation>还没有评论，快来抢沙发</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>去购买</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>你的账号</translation>
    </message>
    <message>
        <source>No cover yet</source>
        <translation>还没有封面</translation>
    </message>
    <message>
        <source>Add photos: the first one is the cover</source>
        <translation>添加图片：第一张就是封面</translation>
    </message>
    <message>
        <source>Nothing to preview yet: add photos and a title, and this shows the note as readers will see it.</source>
        <translation>还没有可预览的内容：添加图片和标题后，这里会显示读者看到的笔记。</translation>
    </message>
    <message>
        <source>What readers will see: updated as you edit. The feed tile is at its real size on the platform&apos;s web feed; swipe or click the photos on the phone.</source>
        <translation>读者看到的样子，随编辑实时更新。信息流卡片按平台网页版的实际大小显示；手机上的图片可以左右滑动或点击切换。</translation>
    </message>
    <message>
        <source>Just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>{count} in stock</source>
        <translation>库存 {count}</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>e.g. Hydrating serum 30 ml</source>
        <translation>例如：保湿精华 30ml</translation>
    </message>
    <message>
        <source>e.g. SERUM-30</source>
        <translation>例如：SERUM-30</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Make main</source>
        <translation>设为主图</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>A product has at most {max} images.</source>
        <translation>一个商品最多 {max} 张图片。</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>上传中…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主图</translation>
    </message>
    <message>
        <source>“{name}” was not added: {reason}</source>
        <translation>“{name}”未能添加：{reason}</translation>
    </message>
    <message>
        <source>Add product images</source>
        <translation>添加商品图片</translation>
    </message>
    <message>
        <source>Up to {max} images; the first is the main image. Drag to reorder.</source>
        <translation>最多 {max} 张图片，第一张为主图。拖动可调整顺序。</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message>
        <source>No products linked</source>
        <translation>未关联商品</translation>
    </message>
    <message>
        <source>Search products by name or SKU</source>
        <translation>按名称或 SKU 搜索商品</translation>
    </message>
    <message>
        <source>This account may not link products. Its owner can allow it in the account&apos;s settings (for brand partners with a storefront).</source>
        <translation>这个账号不能关联商品。账号所有者可以在账号设置中开启（适用于有店铺的品牌合作伙伴）。</translation>
    </message>
    <message>
        <source>{name}  ·  {price}  ·  {stock} in stock  ·  SKU {sku}</source>
        <translation>{name}  ·  {price}  ·  库存 {stock}  ·  SKU {sku}</translation>
    </message>
    <message>
        <source>No product matches.</source>
        <translation>没有找到匹配的商品。</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Off shelf</source>
        <translation>已下架</translation>
    </message>
</context>
<context>
    <name>PublicPage</name>
    <message>
        <source>A draft has no public page yet: publish it, and readers can open it.</source>
        <translation>草稿还没有公开页面：发布后，读者就能打开它。</translation>
    </message>
    <message>
        <source>This note gets its public page when it is published at its time.</source>
        <translation>这篇笔记到点发布后才有公开页面。</translation>
    </message>
    <message>
        <source>This note is held, not published: it has no public page.</source>
        <translation>这篇笔记被暂停、尚未发布，没有公开页面。</translation>
    </message>
    <message>
        <source>An archived note is no longer on the reader pages.</source>
        <translation>已归档的笔记不再出现在读者页面上。</translation>
    </message>
    <message>
        <source>Only public notes have a public page; this one is visible to you only.</source>
        <translation>只有公开笔记才有公开页面；这篇笔记仅自己可见。</translation>
    </message>
    <message>
        <source>Only public notes have a public page; this one is for mutual followers only.</source>
        <translation>只有公开笔记才有公开页面；这篇笔记仅互关好友可见。</translation>
    </message>
</context>
<context>
    <name>PublicPageDialog</name>
    <message>
        <source>Public page</source>
        <translation>公开页面</translation>
    </message>
    <message>
        <source>Anyone with the link reads the note without signing in: share it, or scan the code with a phone. Readers&apos; likes, comments and clicks show up in Analytics.</source>
        <translation>拿到链接的人无需登录即可阅读这篇笔记：分享链接，或用手机扫码打开。读者的点赞、评论和点击都会计入“数据”。</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>页面地址</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Save QR as PNG…</source>
        <translation>二维码存为 PNG…</translation>
    </message>
    <message>
        <source>Point a phone&apos;s camera at the code to open the page there.</source>
        <translation>用手机相机扫描二维码，即可在手机上打开页面。</translation>
    </message>
    <message>
        <source>Readers&apos; comments</source>
        <translation>读者评论</translation>
    </message>
    <message>
        <source>A phone cannot open this address</source>
        <translation>手机打不开这个地址</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>No public page</source>
        <translation>没有公开页面</translation>
    </message>
    <message>
        <source>No QR code: the note has no public page</source>
        <translation>没有二维码：这篇笔记没有公开页面</translation>
    </message>
    <message>
        <source>{host} is the team server&apos;s own machine: only that computer can open the page. Ask whoever runs the server to start it with --host 0.0.0.0 or behind a web server (see docs/team-server.md); then every phone that reaches it opens these pages.</source>
        <translation>{host} 指团队服务器所在的那台电脑，只有那台电脑能打开这个页面。请服务器的管理员用 --host 0.0.0.0 启动它，或把它放在 Web 服务器后面（见 docs/team-server.md）；之后，能连上服务器的手机都能打开这些页面。</translation>
    </message>
    <message>
        <source>this-computers-address</source>
        <translation>本机地址</translation>
    </message>
    <message>
        <source>{host} is this computer&apos;s own address, so only this computer can open the page. For a phone on the same Wi-Fi: close the studio, run this command, then open {url} on the phone.</source>
        <translation>{host} 是这台电脑自己的地址，只有本机能打开这个页面。想让同一 Wi-Fi 下的手机打开：先关闭工作室，运行下面的命令，再在手机上打开 {url}。</translation>
    </message>
    <message>
        <source>Only on a network you trust. For a team, run a team server (docs/team-server.md): its pages open for everyone who reaches it.</source>
        <translation>请只在你信任的网络中这样做。团队使用请运行团队服务器（docs/team-server.md）：能连上它的人都能打开这些页面。</translation>
    </message>
    <message>
        <source>{count} shown on the page</source>
        <translation>页面上显示 {count} 条</translation>
    </message>
    <message>
        <source>1 shown on the page</source>
        <translation>页面上显示 1 条</translation>
    </message>
    <message>
        <source>No comments wait for you: comments with a link or a forbidden word are held here until you approve or remove them.</source>
        <translation>没有待你审核的评论。含链接或违禁词的评论会先留在这里，等你通过或移除。</translation>
    </message>
    <message>
        <source>{count} held for the note&apos;s authors. You may read them; approving and removing them is for the account&apos;s editors.</source>
        <translation>{count} 条评论等待作者审核。你可以查看；通过或移除需要账号的编辑及以上权限。</translation>
    </message>
    <message>
        <source>{count} held for you; the {shown} newest are below.</source>
        <translation>{count} 条评论等你审核，下面是最新的 {shown} 条。</translation>
    </message>
    <message>
        <source>{count} held for you: approve one to show it on the page.</source>
        <translation>{count} 条评论等你审核：通过后即显示在页面上。</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
    <message>
        <source>Command copied.</source>
        <translation>命令已复制。</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>保存二维码</translation>
    </message>
    <message>
        <source>PNG images</source>
        <translation>PNG 图片</translation>
    </message>
</context>
<context>
    <name>ReviewCommentsCard</name>
    <message>
        <source>The brand&apos;s comments on round {round}</source>
        <translation>品牌方对第 {round} 轮的意见</translation>
    </message>
    <message>
        <source>{count} still open</source>
        <translation>{count} 条未解决</translation>
    </message>
    <message>
        <source>All resolved</source>
        <translation>已全部解决</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Say something…</source>
        <translation>说点什么…</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Products in this note</source>
        <translation>笔记中的商品</translation>
    </message>
    <message>
        <source>No comments yet</source>
        <translation>还没有评论</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Brief checklist</source>
        <translation>Brief 检查项</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改对比</translation>
    </message>
    <message>
        <source>Drag on the photo to mark the part you mean, then write your comment. Numbered boxes are this round&apos;s comments on an area.</source>
        <translation>在图片上拖动框出要说的部分，再写下意见。带编号的框是本轮针对局部的意见。</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>What should change? (Ctrl+Enter adds it)</source>
        <translation>需要修改什么？（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加意见</translation>
    </message>
    <message>
        <source>About</source>
        <translation>针对</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Review due: {left}</source>
        <translation>审核截止：{left}</translation>
    </message>
    <message>
        <source>No photos in this round</source>
        <translation>本轮没有图片</translation>
    </message>
    <message>
        <source>Submitted {when}</source>
        <translation>提交于 {when}</translation>
    </message>
    <message>
        <source>Loading the photo…</source>
        <translation>正在加载图片…</translation>
    </message>
    <message>
        <source>{met} of {count} demands of the brief are met</source>
        <translation>Brief 的 {count} 项要求已满足 {met} 项</translation>
    </message>
    <message>
        <source>Nothing submitted yet, so there is nothing to check.</source>
        <translation>还没有提交内容，暂无可检查项。</translation>
    </message>
    <message>
        <source>Changes since round {round}</source>
        <translation>与第 {round} 轮对比</translation>
    </message>
    <message>
        <source>Marked area on photo {number}</source>
        <translation>第 {number} 张图的框选区域</translation>
    </message>
    <message>
        <source>This round is not waiting for your decision.</source>
        <translation>这一轮不需要你做决定。</translation>
    </message>
    <message>
        <source>To request changes, first add a comment on this round saying what should change.</source>
        <translation>要求修改前，请先在本轮添加一条意见，说明需要改什么。</translation>
    </message>
    <message>
        <source>The creator sees your comments when you request changes.</source>
        <translation>要求修改后，达人会看到你的意见。</translation>
    </message>
    <message>
        <source>Reject this note</source>
        <translation>拒绝这篇笔记</translation>
    </message>
    <message>
        <source>Reject the note for good? The collaboration ends and the creator cannot submit it again.</source>
        <translation>确定拒绝这篇笔记吗？合作将就此结束，达人无法再次提交。</translation>
    </message>
    <message>
        <source>Approved. The creator may schedule the note now.</source>
        <translation>已通过，达人现在可以定时发布这篇笔记。</translation>
    </message>
    <message>
        <source>Changes requested. The creator has your comments.</source>
        <translation>已要求修改，达人会收到你的意见。</translation>
    </message>
    <message>
        <source>The note was rejected.</source>
        <translation>已拒绝这篇笔记。</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>The brand&apos;s comments</source>
        <translation>品牌意见</translation>
    </message>
    <message>
        <source>{count} still open. The boxes show where the brand pointed.</source>
        <translation>还有 {count} 条待解决。方框为品牌圈出的位置。</translation>
    </message>
    <message>
        <source>All resolved.</source>
        <translation>已全部解决。</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Creator</source>
        <translation>达人</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>审核截止</translation>
    </message>
</context>
<context>
    <name>ReviewQueueTab</name>
    <message>
        <source>All briefs</source>
        <translation>全部 Brief</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>已要求修改</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>All submissions</source>
        <translation>全部提交</translation>
    </message>
    <message>
        <source>All creators</source>
        <translation>全部达人</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Submissions: {shown} of {total}</source>
        <translation>提交：{shown} / {total}</translation>
    </message>
    <message>
        <source>Submissions: {count}</source>
        <translation>共 {count} 份提交</translation>
    </message>
    <message>
        <source>Nothing here. Submissions to your briefs appear here for review.</source>
        <translation>这里还没有内容。达人提交到你的 Brief 的笔记会出现在这里等待审核。</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>账号矩阵</translation>
    </message>
    <message>
        <source>Every account at a glance: this week, what is next, what is waiting</source>
        <translation>所有账号一览：本周发布、下一篇定时、待处理事项</translation>
    </message>
    <message>
        <source>Search accounts, fields, regions</source>
        <translation>搜索账号、领域、地区</translation>
    </message>
    <message>
        <source>Weeks and times in each account&apos;s time zone</source>
        <translation>周与时间均按各账号所在时区</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>还没有账号。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No account matches “{text}”.</source>
        <translation>没有与“{text}”匹配的账号。</translation>
    </message>
    <message>
        <source>Accounts: {accounts} · Posts this week: {posts} · Drafts: {drafts} · With brands: {brand} · To answer: {answer}</source>
        <translation>账号：{accounts} · 本周发布：{posts} · 草稿：{drafts} · 待品牌审核：{brand} · 待处理：{answer}</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Double-click to see its notes</source>
        <translation>双击查看该账号的笔记</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>The organization you see the account through</source>
        <translation>你通过哪个机构看到这个账号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周发布</translation>
    </message>
    <message>
        <source>Notes published since Monday, in the account&apos;s time zone</source>
        <translation>本周一以来发布的笔记（按账号所在时区）</translation>
    </message>
    <message>
        <source>Next scheduled</source>
        <translation>下一篇定时</translation>
    </message>
    <message>
        <source>The next note due to go out, in the account&apos;s time zone</source>
        <translation>下一篇将要发布的笔记（按账号所在时区）</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>With brand</source>
        <translation>待品牌审核</translation>
    </message>
    <message>
        <source>Drafts submitted to a brand, waiting for its review</source>
        <translation>已提交给品牌、等待审核的稿件</translation>
    </message>
    <message>
        <source>To answer</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Changes a brand asked for, and brand invitations waiting for an answer</source>
        <translation>品牌要求修改的稿件，以及待回复的品牌邀约</translation>
    </message>
    <message>
        <source>7-day posts</source>
        <translation>近7天发布</translation>
    </message>
    <message>
        <source>Notes published in the last 7 days</source>
        <translation>最近7天发布的笔记</translation>
    </message>
    <message>
        <source>7-day views</source>
        <translation>7日观看</translation>
    </message>
    <message>
        <source>Views of the account&apos;s notes over its last 7 days, today included</source>
        <translation>账号笔记近 7 天（含今天）的观看数</translation>
    </message>
    <message>
        <source>Managed for its creator by {organization}</source>
        <translation>由{organization}代创作者管理</translation>
    </message>
</context>
<context>
    <name>RoundDiffPanel</name>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右对比</translation>
    </message>
    <message>
        <source>Onion skin</source>
        <translation>叠加对比</translation>
    </message>
    <message>
        <source>Nothing changed since the previous round.</source>
        <translation>与上一轮相比没有变化。</translation>
    </message>
    <message>
        <source>No photo here</source>
        <translation>此处没有图片</translation>
    </message>
</context>
<context>
    <name>ScheduleBox</name>
    <message>
        <source>Type the time, or scroll over the hour or minute</source>
        <translation>输入时间，或在小时、分钟上滚动调整</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>取消定时</translation>
    </message>
    <message>
        <source>Allowed: {earliest} to {latest}</source>
        <translation>可选时间：{earliest} 至 {latest}</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>修改定时</translation>
    </message>
    <message>
        <source>Scheduled for {time} ({zone})</source>
        <translation>已定时：{time}（{zone}）</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
</context>
<context>
    <name>SecurityCard</name>
    <message>
        <source>Sign-in security</source>
        <translation>登录安全</translation>
    </message>
    <message>
        <source>Signed in on</source>
        <translation>已登录的设备</translation>
    </message>
    <message>
        <source>Sign out other devices</source>
        <translation>退出其他设备</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Recent sign-ins</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Where you are signed in to {url} as {email}, and how.</source>
        <translation>你以 {email} 登录 {url} 的设备和方式。</translation>
    </message>
    <message>
        <source>Zhongcao Studio {version}</source>
        <translation>种草工作室 {version}</translation>
    </message>
    <message>
        <source>A web browser</source>
        <translation>网页浏览器</translation>
    </message>
    <message>
        <source>Unknown program</source>
        <translation>未知程序</translation>
    </message>
    <message>
        <source>Signed in {since} · until {until}</source>
        <translation>登录于 {since} · 有效至 {until}</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Every other device was signed out.</source>
        <translation>其他设备均已退出登录。</translation>
    </message>
    <message>
        <source>Recent sign-ins · {count} failed</source>
        <translation>最近登录 · {count} 次失败</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>Your password is changed. Every other device was signed out.</source>
        <translation>密码已修改，其他设备均已退出登录。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>JPEG quality of exported photos</source>
        <translation>导出图片的 JPEG 质量</translation>
    </message>
    <message>
        <source>Account for new notes</source>
        <translation>新笔记使用的账号</translation>
    </message>
    <message>
        <source>Organization whose brand kit covers use</source>
        <translation>封面所用品牌套件的组织</translation>
    </message>
    <message>
        <source>Account the app shows</source>
        <translation>当前查看的账号</translation>
    </message>
    <message>
        <source>Work on a team server</source>
        <translation>使用团队服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>E-mail on the team server</source>
        <translation>团队服务器上的邮箱</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This studio and how it looks</source>
        <translation>工作室的运行信息和外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Applies the next time the studio starts.</source>
        <translation>下次启动工作室时生效。</translation>
    </message>
    <message>
        <source>Photos are exported as sRGB JPEG at the platform&apos;s size when a note is published or a photo is exported. Higher keeps more detail and makes larger files.</source>
        <translation>发布笔记或导出图片时，图片会按平台尺寸导出为 sRGB JPEG。质量越高，细节越多，文件也越大。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>JPEG quality of exported photos</source>
        <translation>导出图片的 JPEG 质量</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>SliderRow</name>
    <message>
        <source>Drag, or use the arrow keys; double-click to reset</source>
        <translation>拖动或用方向键微调；双击恢复默认</translation>
    </message>
</context>
<context>
    <name>SpeedMarks</name>
    <message>
        <source>Click a speed to use it</source>
        <translation>点击即可使用该倍速</translation>
    </message>
</context>
<context>
    <name>SpendDialog</name>
    <message>
        <source>Boost (薯条加热)</source>
        <translation>薯条加热</translation>
    </message>
    <message>
        <source>Ads (聚光广告)</source>
        <translation>聚光广告</translation>
    </message>
    <message>
        <source>Creator fee (达人费用)</source>
        <translation>达人费用</translation>
    </message>
    <message>
        <source>Record spend</source>
        <translation>记录投放</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1,280.50</source>
        <translation>金额（元），如 1,280.50</translation>
    </message>
    <message>
        <source>The whole campaign</source>
        <translation>整个活动</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Optional, e.g. the order number</source>
        <translation>选填，如订单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>On</source>
        <translation>投放对象</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recorded for this campaign</source>
        <translation>该活动已记录的投放</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Total recorded: {amount}</source>
        <translation>已记录合计：{amount}</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>还没有记录投放。</translation>
    </message>
    <message>
        <source>Enter an amount above ¥0.</source>
        <translation>请输入大于 ¥0 的金额。</translation>
    </message>
    <message>
        <source>Delete spend</source>
        <translation>删除投放</translation>
    </message>
    <message>
        <source>Delete {amount} of {kind} on {day}? ROI, CPE and CPM will change.</source>
        <translation>删除 {day} 的{kind} {amount}？ROI、CPE 和 CPM 会随之变化。</translation>
    </message>
    <message>
        <source>Only the brand&apos;s editors record spend on its campaigns.</source>
        <translation>只有品牌的编辑可以记录活动的投放。</translation>
    </message>
</context>
<context>
    <name>StickerLayerForm</name>
    <message>
        <source>Sticker</source>
        <translation>贴纸</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
</context>
<context>
    <name>StickerPicker</name>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>圈注</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Decor</source>
        <translation>装饰</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>徽章</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Stickers</source>
        <translation>贴纸</translation>
    </message>
    <message>
        <source>Click one to put it in the middle of the photo.</source>
        <translation>点击贴纸，放到图片中间。</translation>
    </message>
</context>
<context>
    <name>StorefrontPage</name>
    <message>
        <source>Storefront</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Your brand&apos;s storefront and the products creators link to their notes</source>
        <translation>品牌店铺，以及创作者在笔记中挂载的商品</translation>
    </message>
    <message>
        <source>New storefront…</source>
        <translation>新建店铺…</translation>
    </message>
    <message>
        <source>No storefront yet</source>
        <translation>还没有店铺</translation>
    </message>
    <message>
        <source>A storefront holds your brand&apos;s products: creators link them to their notes and readers buy from them. Create one for your brand organization to start.</source>
        <translation>店铺存放品牌的商品：创作者在笔记中挂载它们，读者从这里购买。先为你的品牌组织创建一个店铺吧。</translation>
    </message>
    <message>
        <source>Create storefront</source>
        <translation>创建店铺</translation>
    </message>
    <message>
        <source>Change logo…</source>
        <translation>更换标志…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Storefront name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Introduce the brand: what it makes, what it stands for…</source>
        <translation>介绍一下品牌：做什么产品，坚持什么理念…</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>保存信息</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Search by name or SKU</source>
        <translation>按名称或 SKU 搜索</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} 个商品</translation>
    </message>
    <message>
        <source>No products match “{query}”.</source>
        <translation>没有与“{query}”匹配的商品。</translation>
    </message>
    <message>
        <source>No products yet. Add one, or import a CSV from your spreadsheet.</source>
        <translation>还没有商品。添加一个，或从表格导入 CSV。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>选择标志</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Uploading the logo…</source>
        <translation>正在上传标志…</translation>
    </message>
    <message>
        <source>The logo was not uploaded: {reason}</source>
        <translation>标志未能上传：{reason}</translation>
    </message>
    <message>
        <source>“{name}” is saved.</source>
        <translation>“{name}”已保存。</translation>
    </message>
    <message>
        <source>“{name}” is deleted.</source>
        <translation>“{name}”已删除。</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Delete “{name}” ({sku})? Notes that link it will no longer show it. This cannot be undone.</source>
        <translation>删除“{name}”（{sku}）？挂载它的笔记将不再显示该商品。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>“{file}” cannot be imported: {reason}</source>
        <translation>无法导入“{file}”：{reason}</translation>
    </message>
    <message>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <source>{name} products.csv</source>
        <translation>{name} 商品.csv</translation>
    </message>
    <message>
        <source>{count} products exported to “{file}”.</source>
        <translation>已将 {count} 个商品导出到“{file}”。</translation>
    </message>
    <message>
        <source>The products were not exported: {reason}</source>
        <translation>商品未能导出：{reason}</translation>
    </message>
</context>
<context>
    <name>TeamCard</name>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Join with a code…</source>
        <translation>用邀请码加入…</translation>
    </message>
    <message>
        <source>The organizations you work in, who is in them, and what each person may do.</source>
        <translation>你所在的组织、组织里的成员，以及每个人能做什么。</translation>
    </message>
    <message>
        <source>New organization…</source>
        <translation>新建组织…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This is your personal workspace: your own accounts live here. To work with others, create an MCN or brand organization, or join one with a code.</source>
        <translation>这是你的个人工作区，你自己的账号都在这里。要和他人协作，请创建 MCN 或品牌组织，或用邀请码加入一个。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>邀请…</translation>
    </message>
    <message>
        <source>Pending invitations</source>
        <translation>待使用的邀请</translation>
    </message>
    <message>
        <source>No invitation is waiting to be used.</source>
        <translation>没有待使用的邀请。</translation>
    </message>
    <message>
        <source>Creators&apos; accounts it manages</source>
        <translation>托管的达人账号</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>动态</translation>
    </message>
    <message>
        <source>Your role: {role} — {hint}</source>
        <translation>你的角色：{role} —— {hint}</translation>
    </message>
    <message>
        <source>Members · {count}</source>
        <translation>成员 · {count}</translation>
    </message>
    <message>
        <source>You</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Make yourself {role} in {org}? You will not be able to undo this yourself.</source>
        <translation>要把自己在{org}的角色改为{role}吗？之后你无法自行改回。</translation>
    </message>
    <message>
        <source>Make {name} an owner of {org}? Owners may do everything, including removing other owners.</source>
        <translation>要把 {name} 设为{org}的所有者吗？所有者拥有全部权限，包括移除其他所有者。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Make {role}</source>
        <translation>设为{role}</translation>
    </message>
    <message>
        <source>Leave {org}</source>
        <translation>退出{org}</translation>
    </message>
    <message>
        <source>Leave {org}? You lose access to its accounts at once, and need a new invitation to come back.</source>
        <translation>要退出{org}吗？你将立即失去其账号的访问权限，重新加入需要新的邀请。</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Remove {name} from {org}? They lose access to its accounts at once.</source>
        <translation>要将 {name} 移出{org}吗？对方将立即失去其账号的访问权限。</translation>
    </message>
    <message>
        <source>{terms} · made by {name}</source>
        <translation>{terms} · 由 {name} 创建</translation>
    </message>
    <message>
        <source>Withdraw invitation</source>
        <translation>撤回邀请</translation>
    </message>
    <message>
        <source>None yet. Creators put their accounts under {org}&apos;s management by accepting a “Manage creators&apos; accounts” invitation.</source>
        <translation>暂无。达人接受“托管达人账号”邀请后，即可把账号交给{org}托管。</translation>
    </message>
    <message>
        <source>Put under management by {name} on {date}</source>
        <translation>由 {name} 于 {date} 交由托管</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>解除托管</translation>
    </message>
    <message>
        <source>Release account</source>
        <translation>解除账号托管</translation>
    </message>
    <message>
        <source>Stop managing {account}? Members of {org} lose access to it at once; the creator keeps the account and its notes.</source>
        <translation>要停止托管 {account} 吗？{org}的成员将立即失去访问权限；账号和笔记仍归达人所有。</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show all {count}</source>
        <translation>查看全部 {count} 条</translation>
    </message>
    <message>
        <source>{org} now manages {accounts}.</source>
        <translation>{org} 现在托管 {accounts}。</translation>
    </message>
    <message>
        <source>You are {role} in {org}.</source>
        <translation>你已是{org}的{role}。</translation>
    </message>
</context>
<context>
    <name>TeamWording</name>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Everything, including who the owners are</source>
        <translation>全部权限，包括指定所有者</translation>
    </message>
    <message>
        <source>Manages members, invitations and accounts</source>
        <translation>管理成员、邀请和账号</translation>
    </message>
    <message>
        <source>Writes, schedules and publishes notes</source>
        <translation>撰写、定时和发布笔记</translation>
    </message>
    <message>
        <source>Reads everything, reviews submissions</source>
        <translation>查看全部内容，审核投稿</translation>
    </message>
    <message>
        <source>Reads everything, changes nothing</source>
        <translation>查看全部内容，不能修改</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>MCN</source>
        <translation>MCN</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>created the organization</source>
        <translation>创建了组织</translation>
    </message>
    <message>
        <source>added {name} as {role}</source>
        <translation>添加了 {name}，角色为{role}</translation>
    </message>
    <message>
        <source>changed {name} from {before} to {role}</source>
        <translation>将 {name} 从{before}改为{role}</translation>
    </message>
    <message>
        <source>removed {name}</source>
        <translation>移除了 {name}</translation>
    </message>
    <message>
        <source>left the organization</source>
        <translation>退出了组织</translation>
    </message>
    <message>
        <source>joined as {role} with an invitation</source>
        <translation>通过邀请加入，角色为{role}</translation>
    </message>
    <message>
        <source>created an invitation ({note})</source>
        <translation>创建了邀请（{note}）</translation>
    </message>
    <message>
        <source>created an invitation to join as {role}</source>
        <translation>创建了加入邀请（{role}）</translation>
    </message>
    <message>
        <source>created an invitation to join as {role} ({note})</source>
        <translation>创建了加入邀请（{role}，{note}）</translation>
    </message>
    <message>
        <source>created an invitation to manage creators&apos; accounts</source>
        <translation>创建了账号托管邀请</translation>
    </message>
    <message>
        <source>created an invitation to manage creators&apos; accounts ({note})</source>
        <translation>创建了账号托管邀请（{note}）</translation>
    </message>
    <message>
        <source>withdrew an invitation ({note})</source>
        <translation>撤回了邀请（{note}）</translation>
    </message>
    <message>
        <source>withdrew an invitation</source>
        <translation>撤回了邀请</translation>
    </message>
    <message>
        <source>put {account} under management</source>
        <translation>将 {account} 交由托管</translation>
    </message>
    <message>
        <source>ended the management of {account}</source>
        <translation>结束了对 {account} 的托管</translation>
    </message>
    <message>
        <source>Join as {role}</source>
        <translation>以{role}加入</translation>
    </message>
    <message>
        <source>for {note}</source>
        <translation>给 {note}</translation>
    </message>
    <message>
        <source>1 use</source>
        <translation>可用 1 次</translation>
    </message>
    <message>
        <source>{count} uses</source>
        <translation>可用 {count} 次</translation>
    </message>
    <message>
        <source>{uses} of {max} used</source>
        <translation>已用 {uses}/{max} 次</translation>
    </message>
    <message>
        <source>valid until {time}</source>
        <translation>有效期至 {time}</translation>
    </message>
    <message>
        <source>Join the team</source>
        <translation>加入团队</translation>
    </message>
    <message>
        <source>Manage creators&apos; accounts</source>
        <translation>托管达人账号</translation>
    </message>
</context>
<context>
    <name>TemplateGalleryDialog</name>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>搜索模板</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>Photos, in slot order</source>
        <translation>图片（按格子顺序）</translation>
    </message>
    <message>
        <source>Use template</source>
        <translation>使用模板</translation>
    </message>
    <message>
        <source>Save my cover as a template…</source>
        <translation>把我的封面存为模板…</translation>
    </message>
    <message>
        <source>Keep the cover&apos;s layout, texts and stickers as one of your templates</source>
        <translation>把封面的版式、文字和贴纸保存为你的模板</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The note&apos;s photos could not be loaded: {reason}</source>
        <translation>无法加载笔记的图片：{reason}</translation>
    </message>
    <message>
        <source>Add photos to the note to see them in the templates.</source>
        <translation>为笔记添加图片后，即可在模板中看到它们。</translation>
    </message>
    <message>
        <source>Loading the note&apos;s photos…</source>
        <translation>正在加载笔记的图片…</translation>
    </message>
    <message>
        <source>Shown with this note&apos;s photos and title.</source>
        <translation>使用这篇笔记的图片和标题预览。</translation>
    </message>
    <message>
        <source>Your templates could not be loaded: {reason}</source>
        <translation>无法加载你的模板：{reason}</translation>
    </message>
    <message>
        <source>Your own templates appear here. Apply a template, make the cover yours, then choose “Save my cover as a template…”.</source>
        <translation>你自己的模板会显示在这里。先套用一个模板，把封面改成你的风格，再选择“把我的封面存为模板…”。</translation>
    </message>
    <message>
        <source>No template matches “{query}”.</source>
        <translation>没有与“{query}”匹配的模板。</translation>
    </message>
    <message>
        <source>Choose a template</source>
        <translation>选择模板</translation>
    </message>
    <message>
        <source>{group} · photos: {photos} · {width}×{height}</source>
        <translation>{group} · 图片：{photos} · {width}×{height}</translation>
    </message>
    <message>
        <source>The note has no photos yet: the slots stay empty until you add some.</source>
        <translation>笔记还没有图片：添加图片前，格子会保持空白。</translation>
    </message>
    <message>
        <source>{missing} slot(s) stay empty: the note has {count} photo(s). Drag to change which photo goes where.</source>
        <translation>有 {missing} 个格子会空着：笔记只有 {count} 张图片。拖动可调整图片位置。</translation>
    </message>
    <message>
        <source>The first {slots} photo(s) are used. Drag to change which photos go in.</source>
        <translation>将使用前 {slots} 张图片。拖动可调整放入哪些图片。</translation>
    </message>
    <message>
        <source>Drag to change which photo goes where.</source>
        <translation>拖动可调整图片位置。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save as my template</source>
        <translation>存为我的模板</translation>
    </message>
    <message>
        <source>Name your template:</source>
        <translation>为模板命名：</translation>
    </message>
    <message>
        <source>My {name}</source>
        <translation>我的{name}</translation>
    </message>
    <message>
        <source>Saved “{name}” under Mine.</source>
        <translation>已将“{name}”保存到“我的”。</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>重命名模板</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete “{name}”? Covers made from it stay as they are.</source>
        <translation>删除“{name}”？用它制作的封面不受影响。</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Collages</source>
        <translation>拼图</translation>
    </message>
    <message>
        <source>Video covers</source>
        <translation>视频封面</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>前后对比</translation>
    </message>
    <message>
        <source>Before / after, stacked</source>
        <translation>前后对比（上下）</translation>
    </message>
    <message>
        <source>Big title</source>
        <translation>大标题</translation>
    </message>
    <message>
        <source>Brand campaign</source>
        <translation>品牌活动</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Diary quote</source>
        <translation>日记语录</translation>
    </message>
    <message>
        <source>Magazine</source>
        <translation>杂志风</translation>
    </message>
    <message>
        <source>Numbered guide</source>
        <translation>攻略清单</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>价格清单</translation>
    </message>
    <message>
        <source>Price tag</source>
        <translation>价格标签</translation>
    </message>
    <message>
        <source>Title band</source>
        <translation>标题横幅</translation>
    </message>
    <message>
        <source>Verdict: keep or avoid</source>
        <translation>红黑榜</translation>
    </message>
    <message>
        <source>Collage of 2</source>
        <translation>两图拼图</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右并排</translation>
    </message>
    <message>
        <source>Collage of 3</source>
        <translation>三图拼图</translation>
    </message>
    <message>
        <source>Collage of 4</source>
        <translation>四图拼图</translation>
    </message>
    <message>
        <source>Rounded collage of 4</source>
        <translation>圆角四图拼图</translation>
    </message>
    <message>
        <source>Collage of 5</source>
        <translation>五图拼图</translation>
    </message>
    <message>
        <source>Collage of 6</source>
        <translation>六图拼图</translation>
    </message>
    <message>
        <source>Collage of 9</source>
        <translation>九宫格</translation>
    </message>
    <message>
        <source>Nine-grid, title in the middle</source>
        <translation>九宫格（标题居中）</translation>
    </message>
    <message>
        <source>Video cover 9:16</source>
        <translation>视频封面 9:16</translation>
    </message>
    <message>
        <source>Video cover 1:1</source>
        <translation>视频封面 1:1</translation>
    </message>
    <message>
        <source>Video cover 3:4</source>
        <translation>视频封面 3:4</translation>
    </message>
</context>
<context>
    <name>TextLayerForm</name>
    <message>
        <source>Type your title…</source>
        <translation>输入标题…</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Sans</source>
        <translation>黑体</translation>
    </message>
    <message>
        <source>Noto Sans CJK: clean and modern</source>
        <translation>思源黑体：简洁现代</translation>
    </message>
    <message>
        <source>Serif</source>
        <translation>宋体</translation>
    </message>
    <message>
        <source>Noto Serif CJK: elegant, for quotes and titles</source>
        <translation>思源宋体：典雅，适合语录和标题</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>The brand kit&apos;s font</source>
        <translation>品牌套件的字体</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Align left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Align right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Label box</source>
        <translation>文字底框</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>描边</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Corner radius</source>
        <translation>圆角</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>内边距</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>排版</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
</context>
<context>
    <name>TextPanel</name>
    <message>
        <source>＋  Add text</source>
        <translation>＋  添加文字</translation>
    </message>
    <message>
        <source>A title from the playhead, shown for {seconds} seconds</source>
        <translation>从播放头处添加标题，显示 {seconds} 秒</translation>
    </message>
    <message>
        <source>Stickers</source>
        <translation>贴纸</translation>
    </message>
    <message>
        <source>Labels, arrows, circles, highlights and more</source>
        <translation>标签、箭头、圈注、高亮等</translation>
    </message>
    <message>
        <source>Import subtitles (SRT)…</source>
        <translation>导入字幕（SRT）…</translation>
    </message>
    <message>
        <source>Put the lines of an .srt file on the video at their times</source>
        <translation>把 .srt 文件中的字幕按时间放到视频上</translation>
    </message>
    <message>
        <source>Remove subtitles</source>
        <translation>移除字幕</translation>
    </message>
    <message>
        <source>Add a title or a sticker: it starts at the playhead and shows for {seconds} seconds. Select one in the list to change when it shows and how it looks.</source>
        <translation>添加标题或贴纸：从播放头处开始，显示 {seconds} 秒。在列表中选中一项，即可修改它的显示时间和样式。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Set to playhead</source>
        <translation>对齐播放头</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Take this overlay off the video</source>
        <translation>从视频中移除这一项</translation>
    </message>
    <message>
        <source>Use this style for all subtitles</source>
        <translation>将此样式应用到所有字幕</translation>
    </message>
    <message>
        <source>Every subtitle line takes this line&apos;s font, size, colours and place</source>
        <translation>所有字幕都使用这一条的字体、大小、颜色和位置</translation>
    </message>
    <message>
        <source>Text &amp; stickers</source>
        <translation>文字与贴纸</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Type a time in seconds, or use the arrow keys (0.1 s steps)</source>
        <translation>输入秒数，或用方向键调整（每次 0.1 秒）</translation>
    </message>
    <message>
        <source>Your title</source>
        <translation>你的标题</translation>
    </message>
    <message>
        <source>Start at the playhead ({time})</source>
        <translation>从播放头处开始（{time}）</translation>
    </message>
    <message>
        <source>End at the playhead ({time})</source>
        <translation>在播放头处结束（{time}）</translation>
    </message>
    <message>
        <source>On screen for {seconds} s</source>
        <translation>显示 {seconds} 秒</translation>
    </message>
    <message>
        <source>On the video ({count})</source>
        <translation>视频上的内容（{count}）</translation>
    </message>
    <message>
        <source>On the video</source>
        <translation>视频上的内容</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Left and Right arrows step one frame, Home and End go to the start and end, S splits the clip at the playhead, Delete removes the selected clip.</source>
        <translation>左右方向键逐帧移动，Home 和 End 跳到开头和结尾，S 在播放头处分割片段，Delete 删除选中的片段。</translation>
    </message>
    <message>
        <source>Split at playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <source>Delete clip</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <source>Show the whole timeline</source>
        <translation>显示完整时间线</translation>
    </message>
    <message>
        <source>Click or drag to move the playhead</source>
        <translation>点击或拖动以移动播放头</translation>
    </message>
    <message>
        <source>Drag to reorder · S splits at the playhead · Delete removes it</source>
        <translation>拖动调整顺序 · S 在播放头处分割 · Delete 删除</translation>
    </message>
    <message>
        <source>Drag to trim the start of this clip</source>
        <translation>拖动修剪片段开头</translation>
    </message>
    <message>
        <source>Drag to trim the end of this clip</source>
        <translation>拖动修剪片段结尾</translation>
    </message>
    <message>
        <source>Drag to move when this shows</source>
        <translation>拖动调整显示时段</translation>
    </message>
    <message>
        <source>Drag to change when this appears</source>
        <translation>拖动调整出现时间</translation>
    </message>
    <message>
        <source>Drag to change when this disappears</source>
        <translation>拖动调整消失时间</translation>
    </message>
    <message>
        <source>The clips of the video show here.</source>
        <translation>视频片段会显示在这里。</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>贴纸</translation>
    </message>
    <message>
        <source>Music · {volume}%</source>
        <translation>音乐 · {volume}%</translation>
    </message>
</context>
<context>
    <name>TimesTab</name>
    <message>
        <source>When readers are active</source>
        <translation>读者活跃时段</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <source>Best times to post</source>
        <translation>最佳发布时间</translation>
    </message>
    <message>
        <source>The last {days} days, by weekday and hour on each account&apos;s own clock. Ringed: the best slots.</source>
        <translation>近 {days} 天，按星期和小时统计，时间为各账号所在时区。描边的格子是最佳时段。</translation>
    </message>
    <message>
        <source>Post a little before these hours, so the note is fresh when readers come.</source>
        <translation>建议在这些时段之前稍早发布，读者来时笔记正新鲜。</translation>
    </message>
    <message>
        <source>No reader activity in these days yet.</source>
        <translation>这段时间还没有读者活动。</translation>
    </message>
</context>
<context>
    <name>TopNoteCard</name>
    <message>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
</context>
<context>
    <name>TopicGroupsDialog</name>
    <message>
        <source>Topic groups</source>
        <translation>话题组</translation>
    </message>
    <message>
        <source>Save topics you often use together, then add them to a note in one click. A group holds up to {max} topics.</source>
        <translation>把常一起用的话题存成一组，写笔记时一键添加。每组最多 {max} 个话题。</translation>
    </message>
    <message>
        <source>No saved groups yet.</source>
        <translation>还没有保存的话题组。</translation>
    </message>
    <message>
        <source>+ New group</source>
        <translation>+ 新建话题组</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 周末探店 ☕</source>
        <translation>例如：周末探店 ☕</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>No topics in this group yet.</source>
        <translation>这个组还没有话题。</translation>
    </message>
    <message>
        <source>+ Add this note&apos;s topics</source>
        <translation>+ 添加当前笔记的话题</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Forget the changes and show the saved group</source>
        <translation>放弃修改，显示已保存的话题组</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建话题组</translation>
    </message>
    <message>
        <source>Edit group</source>
        <translation>编辑话题组</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>从话题组中移除</translation>
    </message>
    <message>
        <source>{count} / {max}</source>
        <translation>{count} / {max}</translation>
    </message>
    <message>
        <source>The note has no topics yet.</source>
        <translation>这篇笔记还没有话题。</translation>
    </message>
    <message>
        <source>Save group</source>
        <translation>保存话题组</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <source>Your changes are still here: save again to keep them, or Revert to see the latest.</source>
        <translation>你的修改还在：再次保存即可保留，或点“还原”查看最新内容。</translation>
    </message>
    <message>
        <source>Save to keep your changes as a new group.</source>
        <translation>保存即可把你的修改存为一个新话题组。</translation>
    </message>
    <message>
        <source>Delete “{name}”? Notes keep their topics.</source>
        <translation>删除“{name}”？笔记里的话题不受影响。</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <source>Look at the latest before deleting it.</source>
        <translation>请先看看最新内容再决定是否删除。</translation>
    </message>
</context>
<context>
    <name>TopicPicker</name>
    <message>
        <source>from your text</source>
        <translation>来自正文</translation>
    </message>
    <message>
        <source>trending</source>
        <translation>热门</translation>
    </message>
    <message>
        <source>you used it recently</source>
        <translation>最近用过</translation>
    </message>
    <message>
        <source>No topics yet: search, or pick a suggestion.</source>
        <translation>还没有话题：搜索或从推荐中选择。</translation>
    </message>
    <message>
        <source>Search topics, or type a new one and Enter</source>
        <translation>搜索话题，或输入新话题后按回车</translation>
    </message>
    <message>
        <source>Topic groups</source>
        <translation>话题组</translation>
    </message>
    <message>
        <source>Add a saved group of topics, or save these topics as a group</source>
        <translation>一键添加已保存的话题组，或把当前话题存为话题组</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>推荐话题</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message>
        <source>#{name}   {count} notes</source>
        <translation>#{name}   {count} 篇笔记</translation>
    </message>
    <message>
        <source>Create #{name}</source>
        <translation>创建 #{name}</translation>
    </message>
    <message>
        <source>No topic matches yet: press Enter to create it.</source>
        <translation>没有匹配的话题：按回车创建。</translation>
    </message>
    <message>
        <source>Write a little more to get suggestions.</source>
        <translation>多写一点，就会有推荐话题。</translation>
    </message>
    <message>
        <source>No saved groups yet</source>
        <translation>还没有保存的话题组</translation>
    </message>
    <message>
        <source>Save these topics as a group…</source>
        <translation>把这些话题存为话题组…</translation>
    </message>
    <message>
        <source>Pick some topics first.</source>
        <translation>请先选几个话题。</translation>
    </message>
    <message>
        <source>Edit groups…</source>
        <translation>管理话题组…</translation>
    </message>
</context>
<context>
    <name>TopicsTab</name>
    <message>
        <source>Top {count} topics by views</source>
        <translation>观看最多的 {count} 个话题</translation>
    </message>
    <message>
        <source>No note in this period has a topic yet.</source>
        <translation>这段时间的笔记还没有带话题。</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Previous period {day}: {value}</source>
        <translation>上一周期 {day}：{value}</translation>
    </message>
</context>
<context>
    <name>VariantCard</name>
    <message>
        <source>The template this variant uses</source>
        <translation>这个方案使用的模板</translation>
    </message>
    <message>
        <source>Remove this variant</source>
        <translation>移除这个方案</translation>
    </message>
    <message>
        <source>Current cover</source>
        <translation>当前封面</translation>
    </message>
    <message>
        <source>Use this cover</source>
        <translation>使用这个封面</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>In the feed, twice the real size</source>
        <translation>在信息流中（两倍大小）</translation>
    </message>
    <message>
        <source>In the feed, real size</source>
        <translation>在信息流中（实际大小）</translation>
    </message>
    <message>
        <source>No text on the cover: the title under the tile has to sell it.</source>
        <translation>封面上没有文字：要靠卡片下方的标题吸引读者。</translation>
    </message>
    <message>
        <source>Title {size} mm tall on a phone: too small to read in the feed (aim for {min} mm or more).</source>
        <translation>标题在手机上高 {size} 毫米：在信息流中太小看不清（建议至少 {min} 毫米）。</translation>
    </message>
    <message>
        <source>Title {size} mm tall on a phone: readable at a glance.</source>
        <translation>标题在手机上高 {size} 毫米：一眼就能看清。</translation>
    </message>
</context>
<context>
    <name>VideoCoverDialog</name>
    <message>
        <source>Cover from a template</source>
        <translation>用模板制作封面</translation>
    </message>
    <message>
        <source>The chosen frame with the note&apos;s title, in a video-cover template.</source>
        <translation>把选中的画面和笔记标题放进视频封面模板。</translation>
    </message>
    <message>
        <source>Use this cover</source>
        <translation>使用这个封面</translation>
    </message>
</context>
<context>
    <name>VideoEditor</name>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the edited video as an MP4 at the platform&apos;s size</source>
        <translation>按平台尺寸把编辑后的视频保存为 MP4</translation>
    </message>
    <message>
        <source>Previous frame (←)</source>
        <translation>上一帧（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Next frame (→)</source>
        <translation>下一帧（→）</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>剪辑</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>调色</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Opening the video…</source>
        <translation>正在打开视频…</translation>
    </message>
    <message>
        <source>This video cannot be opened: {reason}</source>
        <translation>这个视频打不开：{reason}</translation>
    </message>
    <message>
        <source>This frame cannot be shown: {reason}</source>
        <translation>无法显示这一帧：{reason}</translation>
    </message>
    <message>
        <source>Only trimmed: exported as a lossless stream copy, cut at keyframes</source>
        <translation>仅修剪：以无损流复制导出，在关键帧处剪切</translation>
    </message>
    <message>
        <source>Exported as H.264/AAC, {width}×{height}, 30 fps</source>
        <translation>导出为 H.264/AAC，{width}×{height}，30 fps</translation>
    </message>
    <message>
        <source>Exported as H.264/AAC at the platform&apos;s size, 30 fps</source>
        <translation>按平台尺寸导出为 H.264/AAC，30 fps</translation>
    </message>
    <message>
        <source>Add a video</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <source>Videos ({patterns})</source>
        <translation>视频 ({patterns})</translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation>正在添加 {name}…</translation>
    </message>
    <message>
        <source>Add music</source>
        <translation>添加音乐</translation>
    </message>
    <message>
        <source>Sound ({patterns})</source>
        <translation>音频 ({patterns})</translation>
    </message>
    <message>
        <source>Import subtitles</source>
        <translation>导入字幕</translation>
    </message>
    <message>
        <source>Subtitles (*.srt)</source>
        <translation>字幕 (*.srt)</translation>
    </message>
    <message>
        <source>{count} subtitle(s) imported from {name}.</source>
        <translation>已从 {name} 导入 {count} 条字幕。</translation>
    </message>
    <message>
        <source>Not added: {reason}</source>
        <translation>未添加：{reason}</translation>
    </message>
    <message>
        <source>Making the cover…</source>
        <translation>正在制作封面…</translation>
    </message>
    <message>
        <source>Export the video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>stream copy, no re-encode</source>
        <translation>流复制，不重新编码</translation>
    </message>
    <message>
        <source>H.264/AAC</source>
        <translation>H.264/AAC</translation>
    </message>
    <message>
        <source>Exported to {path} ({how})</source>
        <translation>已导出到 {path}（{how}）</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>没有导出：{reason}</translation>
    </message>
</context>
<context>
    <name>_MatchRow</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Double-click to open this note</source>
        <translation>双击打开这篇笔记</translation>
    </message>
</context>
</TS>
