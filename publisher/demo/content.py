"""What the demo's notes say: titles, bodies, topics and cover lines for five fields.

Each field (美妆, 美食, 旅行, 健身, 家居) has subjects a creator writes about; a subject carries
its cover line, a few titles, the points its body lists and its topics, so a note's cover,
title, body and topics agree. Bodies are put together from an opener, the subject's points and
a closer, the way real notes are written, so two notes on one subject still read differently.
Every title fits the platform's 20 characters (40 width units) and every body its 1000.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from publisher.domain.text import char_count, width_units

TITLE_WIDTH = 40
BODY_CHARS = 1000


@dataclass(frozen=True)
class Subject:
    name: str
    """What the note is about, as the opener names it (通勤妆)."""
    cover: str
    """The big text on the cover, one line per row."""
    titles: tuple[str, ...]
    points: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    key: str
    name: str
    """As the platform's creator centre names the field (美妆)."""
    tag: str
    """The small label on covers (美妆干货)."""
    palettes: tuple[tuple[str, str, str], ...]
    """(top, bottom, accent) colours of covers and photos."""
    subjects: tuple[Subject, ...]
    openers: tuple[str, ...]
    closers: tuple[str, ...]
    video: bool = False
    """Whether creators of this field post video notes too."""


@dataclass(frozen=True)
class NoteText:
    title: str
    body: str
    topics: tuple[str, ...]
    cover: str


_MARKERS = (
    ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"),
    ("①", "②", "③", "④", "⑤", "⑥"),
    ("✅", "✅", "✅", "✅", "✅", "✅"),
    ("📍", "📍", "📍", "📍", "📍", "📍"),
)
_MARKS = (
    "（建议收藏）",
    "｜干货",
    "｜亲测有效",
    "！",
    "✨",
    "｜新手必看",
    "（附清单）",
    "｜第二弹",
    "·进阶版",
    "｜再测一次",
)
"""What creators add to a title they have used before, or to make it stand out."""


BEAUTY = Field(
    key="beauty",
    name="美妆",
    tag="美妆干货",
    palettes=(
        ("#F7D6E0", "#F2A7BB", "#C2185B"),
        ("#FDE2D3", "#F5B195", "#D9534F"),
        ("#EADCF8", "#C3A6E8", "#7B3FB5"),
    ),
    subjects=(
        Subject(
            "通勤妆",
            "5分钟通勤妆\n手残党也能学",
            ("5分钟通勤妆｜手残党也能学会", "打工人早八妆容，10分钟出门", "通勤淡妆公式，气色超好"),
            (
                "底妆只用气垫点涂，T区薄薄一层就够了",
                "眉毛用眉粉扫出轮廓，眉头轻一点更自然",
                "大地色眼影一盘搞定，浅色打底、深色加深眼尾",
                "腮红选豆沙色，从笑肌往太阳穴方向斜扫",
                "唇釉点在唇中再用手指晕开，显得很温柔",
            ),
            ("通勤妆", "新手化妆", "日常妆容"),
        ),
        Subject(
            "干皮底妆",
            "干皮底妆\n一整天不卡粉",
            (
                "干皮救星！一整天不卡粉的底妆",
                "秋冬干皮底妆，服帖到下班",
                "卡粉星人看过来｜干皮上妆步骤",
            ),
            (
                "上妆前做好保湿，精华和面霜等完全吸收再上底妆",
                "妆前乳选滋润型，重点拍在两颊和嘴角",
                "粉底液里混一滴精华油，延展性好很多",
                "美妆蛋沾湿后挤干，轻拍不要推",
                "定妆只压T区，两颊用保湿喷雾代替散粉",
            ),
            ("干皮底妆", "底妆教程", "秋冬护肤"),
        ),
        Subject(
            "平价口红",
            "学生党口红\n百元内闭眼入",
            ("百元内口红推荐，黄皮显白", "学生党平价口红合集｜亲测", "这几支平价口红我回购了3次"),
            (
                "奶茶色：日常百搭，素颜涂也不突兀",
                "砖红色：秋冬氛围感拉满，黄皮友好",
                "豆沙粉：温柔显气色，面试约会都合适",
                "正红色：复古妆必备，记得先打唇部打底",
                "所有试色都在自然光下拍的，无滤镜",
            ),
            ("平价口红", "口红试色", "学生党好物"),
        ),
        Subject(
            "敏感肌修护",
            "敏感肌\n换季修护指南",
            (
                "敏感肌换季泛红，我这样修护",
                "换季烂脸自救｜精简护肤",
                "屏障受损一个月，皮肤终于稳了",
            ),
            (
                "先停掉酸类和A醇，给皮肤放个假",
                "洁面换成氨基酸的，早上清水洗脸就够",
                "修护精华选含神经酰胺、积雪草的",
                "面霜厚涂一层，晚上可以当睡眠面膜",
                "防晒不能省，敏感期选物理防晒更温和",
            ),
            ("敏感肌", "换季护肤", "屏障修护"),
        ),
        Subject(
            "内双眼妆",
            "内双眼妆\n放大不肿眼",
            ("内双眼妆教程，眼睛放大一圈", "肿眼泡也能画的日常眼妆", "内双姐妹的眼线终于画对了"),
            (
                "浅棕色在眼窝打底，晕染到睁眼能看见的位置",
                "深色只画在睫毛根部，往眼尾拉长一点",
                "眼线画内眼线，睁眼不会被吃掉",
                "睫毛夹分三段夹，根部停留久一点",
                "卧蚕用哑光浅色，别选大闪片",
            ),
            ("眼妆教程", "内双眼妆", "化妆技巧"),
        ),
        Subject(
            "空瓶记",
            "年度空瓶\n真心回购清单",
            ("今年的空瓶记，回购的都在这", "用空了20瓶，只推荐这几个", "空瓶分享｜哪些值得回购"),
            (
                "洁面：用空了4支，温和不紧绷",
                "化妆水：湿敷超好用，便宜大碗",
                "精华：熬夜后第二天状态明显好",
                "防晒：不搓泥不假白，通勤完全够用",
                "不回购的也说一下：香味太重、容易闷痘",
            ),
            ("空瓶记", "护肤好物", "回购清单"),
        ),
        Subject(
            "防晒测评",
            "防晒怎么选\n油皮干皮都有",
            (
                "防晒测评｜油皮干皮分开推荐",
                "通勤防晒，不闷痘不假白",
                "物理防晒还是化学防晒？讲清楚",
            ),
            (
                "油皮选清爽乳液质地，成膜快不油腻",
                "干皮选霜状或者带保湿成分的",
                "通勤SPF30够用，户外一定要SPF50+",
                "用量要足，全脸大概一元硬币大小",
                "两到三小时补涂一次，可以用防晒喷雾",
            ),
            ("防晒", "护肤测评", "油皮护肤"),
        ),
    ),
    openers=(
        "最近好多姐妹私信问我{name}，今天一次性整理好～",
        "{name}这件事我研究了快一年，踩过的坑都写在这里了",
        "作为一个混油皮，{name}我真的有发言权👇",
        "终于把{name}的心得写出来了，建议先收藏再看",
        "被问了800遍的{name}，这次讲透",
    ),
    closers=(
        "有问题评论区见，看到都会回💬",
        "觉得有用记得点个收藏，不然下次就找不到啦⭐",
        "每个人肤质不一样，大家按自己的情况调整哦～",
        "下期想看什么，评论区告诉我！",
    ),
)

FOOD = Field(
    key="food",
    name="美食",
    tag="美食教程",
    palettes=(
        ("#FFE8C2", "#FFC36B", "#E8590C"),
        ("#FFF1D6", "#F6C89F", "#B5542B"),
        ("#E4F3DC", "#B8DFA5", "#3B7D23"),
    ),
    subjects=(
        Subject(
            "减脂便当",
            "一周减脂便当\n好吃不重样",
            ("一周减脂便当，好吃不重样", "上班族带饭｜15分钟减脂便当", "减脂期也能吃得很香的便当"),
            (
                "周一：黑椒鸡胸肉+西兰花+糙米饭",
                "周二：番茄虾仁+玉米粒+紫薯",
                "周三：香煎三文鱼+芦笋+藜麦",
                "周四：牛肉炒彩椒+菠菜+荞麦面",
                "周五：照烧鸡腿+秋葵+杂粮饭",
            ),
            ("减脂餐", "便当", "上班族带饭"),
        ),
        Subject(
            "空气炸锅",
            "空气炸锅\n懒人食谱合集",
            ("空气炸锅懒人食谱，零失败", "空气炸锅这么用，香到邻居来敲门", "闭眼做的空气炸锅菜谱"),
            (
                "蜜汁鸡翅：腌半小时，180度15分钟翻面再5分钟",
                "烤红薯：洗干净不用切，200度40分钟流糖心",
                "椒盐虾：虾背开刀，180度8分钟",
                "脆皮豆腐：裹一层淀粉，200度12分钟外脆里嫩",
                "记得中途拉出来翻面，受热更均匀",
            ),
            ("空气炸锅", "懒人食谱", "家常菜"),
        ),
        Subject(
            "成都美食",
            "成都吃吃喝喝\n本地人私藏",
            (
                "成都本地人私藏的苍蝇馆子",
                "去成都别只吃火锅！这几家绝了",
                "成都三天胖五斤的美食路线",
            ),
            (
                "早餐去巷子里的肥肠粉，记得加个锅盔",
                "中午吃冒菜，自己选菜按斤称",
                "下午茶来一碗冰粉，解辣神器",
                "晚上冷锅串串，人均六十吃到扶墙",
                "夜宵兔头和烧烤，本地人都在排队",
            ),
            ("成都美食", "探店", "吃货日常"),
        ),
        Subject(
            "早餐",
            "10分钟快手早餐\n一周不重样",
            ("10分钟快手早餐，一周不重样", "打工人早餐｜前一晚5分钟备好", "手残党也会做的快手早餐"),
            (
                "牛油果鸡蛋吐司：吐司烤脆，抹牛油果泥放溏心蛋",
                "燕麦杯：燕麦+酸奶+水果，前一晚放冰箱",
                "葱油饼：冷冻饼皮两面煎，撒葱花",
                "鸡蛋灌饼：饼鼓起来开口灌蛋液",
                "三明治：火腿芝士生菜，对角切开好看又好拿",
            ),
            ("早餐", "快手菜", "一人食"),
        ),
        Subject(
            "烘焙",
            "新手烘焙\n零失败戚风",
            ("新手零失败戚风蛋糕配方", "第一次做戚风就成功了！", "戚风不塌不开裂的5个细节"),
            (
                "蛋白一定要打到硬性发泡，提起打蛋器是小尖角",
                "蛋黄糊和蛋白霜分三次翻拌，不要画圈",
                "模具不要涂油，戚风要靠模具壁往上爬",
                "烤箱提前预热，150度下层50分钟",
                "出炉马上倒扣，完全凉了再脱模",
            ),
            ("烘焙", "戚风蛋糕", "新手烘焙"),
        ),
        Subject(
            "火锅蘸料",
            "火锅蘸料\n万能公式",
            ("火锅蘸料万能公式，收藏了", "吃了十年火锅总结的蘸料配方", "海底捞服务员教我的蘸料"),
            (
                "经典油碟：香油+蒜泥+葱花+蚝油",
                "麻酱碟：芝麻酱加温水调开，加韭菜花腐乳",
                "海鲜碟：生抽+醋+小米辣+香菜",
                "干碟：辣椒面+花生碎+孜然+盐",
                "小技巧：加一勺火锅原汤，香味翻倍",
            ),
            ("火锅", "蘸料", "吃货日常"),
        ),
        Subject(
            "咖啡探店",
            "上海咖啡馆\n周末去坐坐",
            (
                "上海宝藏咖啡馆，周末去坐坐",
                "出片又好喝的咖啡店合集",
                "咖啡馆探店｜适合一个人待一下午",
            ),
            (
                "武康路附近的小店，窗边位置阳光超好",
                "招牌是桂花拿铁，甜度刚好",
                "安福路那家可以带狗狗，户外座很舒服",
                "工作日下午人少，适合带电脑办公",
                "人均40左右，周末建议早点去",
            ),
            ("咖啡探店", "上海探店", "周末去哪儿"),
        ),
    ),
    openers=(
        "家人们，{name}我真的做了几十次了，今天把经验全分享出来",
        "{name}合集来啦！跟着做基本不会翻车",
        "很多人说{name}难，其实掌握这几点就够了👇",
        "周末在家研究{name}，结果全家都说好吃😋",
        "收藏这篇，{name}不用再到处找攻略了",
    ),
    closers=(
        "做了的宝子记得来交作业呀📷",
        "有不清楚的步骤评论区问我～",
        "先收藏，周末就做起来！",
        "下期分享更多懒人做法，关注不迷路",
    ),
    video=True,
)

TRAVEL = Field(
    key="travel",
    name="旅行",
    tag="旅行攻略",
    palettes=(
        ("#D4ECFA", "#8EC5EC", "#1565C0"),
        ("#D9F2EC", "#8FD3C1", "#00796B"),
        ("#FCE9D9", "#F3B28C", "#BF5B2A"),
    ),
    subjects=(
        Subject(
            "大理",
            "大理5天4晚\n保姆级攻略",
            ("大理5天4晚保姆级攻略", "第一次去大理，这样玩不踩坑", "大理住哪儿？洱海边民宿合集"),
            (
                "Day1 古城慢慢逛，晚上去人民路听歌",
                "Day2 环洱海骑行，双廊看日落",
                "Day3 苍山索道，天气好能看到整个洱海",
                "Day4 喜洲古镇吃破酥粑粑，拍麦田",
                "Day5 沙溪古镇，比大理古城安静很多",
            ),
            ("大理旅行", "旅行攻略", "云南"),
        ),
        Subject(
            "周末短途",
            "周末短途\n说走就走",
            ("上海出发周末短途，2小时到", "周末去哪儿｜江浙沪小众古镇", "说走就走的周末两日游"),
            (
                "高铁1小时到，住古镇里的民宿",
                "早上去最早的一班游船，人少光线好",
                "中午吃当地的酱鸭和青团",
                "下午在河边的茶馆坐一会儿",
                "傍晚亮灯的时候最好看，记得带三脚架",
            ),
            ("周末去哪儿", "江浙沪周边游", "古镇"),
        ),
        Subject(
            "日本自由行",
            "第一次去日本\n自由行清单",
            ("第一次去日本，超全自由行清单", "东京大阪7天，花了多少钱", "日本自由行避坑指南"),
            (
                "签证提前一个月办，材料按领区要求准备",
                "交通卡直接用手机，地铁公交便利店都能刷",
                "住宿选车站附近，拖箱子不累",
                "购物记得带护照，满额可以免税",
                "网络租随身Wi-Fi或者买流量卡，落地就能用",
            ),
            ("日本旅行", "自由行", "出境游"),
        ),
        Subject(
            "露营",
            "新手露营\n装备清单",
            ("新手露营装备清单，照着买", "第一次露营就爱上了⛺", "周末露营｜城市近郊营地推荐"),
            (
                "帐篷选自动速开的，一个人十分钟搭好",
                "防潮垫和睡袋一定要带，夜里温差大",
                "营地灯多带一个，氛围感拉满",
                "卡式炉煮火锅，露营吃什么都香",
                "垃圾全部带走，不留痕迹",
            ),
            ("露营", "户外", "周末去哪儿"),
        ),
        Subject(
            "新疆自驾",
            "新疆自驾\n独库公路攻略",
            ("独库公路自驾攻略，一生必去", "新疆自驾10天路线分享", "伊犁的夏天美到不真实"),
            (
                "独库公路6月中旬才开放，出发前查通车情况",
                "租车选SUV，山路多",
                "油站间隔远，看到加油站就加满",
                "赛里木湖住湖边，早起看日出",
                "那拉提草原骑马，注意防晒",
            ),
            ("新疆旅行", "自驾游", "独库公路"),
        ),
        Subject(
            "城市citywalk",
            "citywalk路线\n一天逛完老城",
            (
                "一天citywalk路线，逛完老城区",
                "跟着本地人citywalk，太好逛了",
                "citywalk｜这条路线值得走一遍",
            ),
            (
                "从老街口出发，先吃一碗本地早餐",
                "沿着梧桐大道走，拍照不用找角度",
                "中间路过的小书店可以进去坐坐",
                "午饭去菜市场旁边的小馆子",
                "终点在江边，刚好赶上日落",
            ),
            ("citywalk", "城市漫步", "周末去哪儿"),
        ),
    ),
    openers=(
        "刚从{name}回来，趁热把攻略整理好了～",
        "{name}去了三次，这份路线是我觉得最舒服的",
        "做{name}攻略做到头秃，直接抄作业吧👇",
        "很多人问{name}怎么安排，这篇一次说清",
    ),
    closers=(
        "有什么问题评论区问我，知无不言～",
        "收藏起来，出发前翻一翻✈️",
        "祝大家都有一次好天气的旅行🌤",
        "还想看哪里的攻略？评论区告诉我",
    ),
    video=True,
)

FITNESS = Field(
    key="fitness",
    name="健身",
    tag="健身打卡",
    palettes=(
        ("#DDF5E3", "#9ADBB0", "#1B8A4B"),
        ("#E0E7FF", "#A5B4FC", "#3949AB"),
        ("#FFE3E3", "#FFA8A8", "#C92A2A"),
    ),
    subjects=(
        Subject(
            "居家燃脂",
            "居家燃脂\n20分钟暴汗",
            ("20分钟居家燃脂，不扰邻", "每天跟练20分钟，一个月瘦了8斤", "宿舍也能做的燃脂训练"),
            (
                "开合跳45秒，休息15秒",
                "高抬腿45秒，核心收紧",
                "深蹲45秒，膝盖不要超过脚尖",
                "登山跑45秒，保持背部平直",
                "以上四个动作循环4组，最后拉伸5分钟",
            ),
            ("居家健身", "燃脂", "减肥打卡"),
        ),
        Subject(
            "臀腿训练",
            "臀腿训练\n练出蜜桃臀",
            ("新手臀腿训练计划，亲测有效", "练臀三个月的变化，真的可以", "臀腿日｜这5个动作够了"),
            (
                "臀桥：4组×15次，顶峰收缩停一秒",
                "保加利亚分腿蹲：每条腿3组×12次",
                "罗马尼亚硬拉：感受大腿后侧拉伸",
                "侧卧抬腿：练臀中肌，改善胯宽",
                "练完一定要拉伸，第二天不会太酸",
            ),
            ("臀腿训练", "健身女孩", "蜜桃臀"),
        ),
        Subject(
            "跑步入门",
            "跑步入门\n从3公里开始",
            ("跑步新手从3公里开始的计划", "跑步半年，膝盖没受伤的秘诀", "零基础跑完第一个10公里"),
            (
                "第一周：跑1分钟走2分钟，循环8组",
                "第二周：跑2分钟走1分钟",
                "第三周：尝试连续跑3公里，配速不重要",
                "跑鞋一定要买合适的，去店里试穿",
                "跑前动态热身，跑后静态拉伸",
            ),
            ("跑步", "跑步打卡", "运动新手"),
        ),
        Subject(
            "体态矫正",
            "圆肩驼背\n每天10分钟",
            ("圆肩驼背自救，每天10分钟", "体态变好了，整个人气质都不一样", "久坐党必练的体态动作"),
            (
                "靠墙天使：背贴墙，手臂上下滑动",
                "弹力带面拉：练后束，把肩膀往后拉",
                "胸椎伸展：泡沫轴放在上背部",
                "猫牛式：活动整条脊柱",
                "坐着的时候每小时起来走一走",
            ),
            ("体态矫正", "圆肩驼背", "久坐"),
        ),
        Subject(
            "瑜伽",
            "睡前瑜伽\n15分钟好眠",
            ("睡前15分钟瑜伽，睡得超香", "瑜伽新手的第一套练习", "每天瑜伽一个月的变化"),
            (
                "婴儿式：放松后背，深呼吸",
                "仰卧扭转：左右各停留一分钟",
                "靠墙抬腿：缓解一天的腿部疲劳",
                "蝴蝶式：打开髋部",
                "最后躺下做身体扫描，慢慢入睡",
            ),
            ("瑜伽", "睡前放松", "拉伸"),
        ),
    ),
    openers=(
        "坚持{name}三个月了，来交个作业💪",
        "{name}其实没那么难，关键是动作做对",
        "好多人问我的{name}计划，这里整理好了",
        "{name}打卡第100天，分享一下我的经验",
    ),
    closers=(
        "一起打卡呀，评论区留下你的第一天！",
        "动作有不清楚的可以看视频，评论区问我",
        "先收藏，今晚就开始练🔥",
        "身体有不适的话先咨询医生哦",
    ),
    video=True,
)

HOME = Field(
    key="home",
    name="家居",
    tag="家居好物",
    palettes=(
        ("#F3EDE4", "#DCCBB5", "#8D6E4C"),
        ("#E8F0EA", "#BCD3C2", "#4E7D5B"),
        ("#EEF1F5", "#C5CEDB", "#4A5D7A"),
    ),
    subjects=(
        Subject(
            "出租屋改造",
            "出租屋改造\n500元焕新",
            (
                "500元改造出租屋，房东都夸",
                "出租屋改造前后对比，太值了",
                "租房也要好好生活｜改造清单",
            ),
            (
                "墙面贴可移除的墙纸，退租撕掉不留痕",
                "换一盏暖光落地灯，氛围一下就有了",
                "床品换成纯色的，房间看起来更大",
                "地上铺一块地毯，盖住旧地板",
                "加几盆绿植，龟背竹好养又出片",
            ),
            ("出租屋改造", "租房", "家居好物"),
        ),
        Subject(
            "收纳",
            "小户型收纳\n空间翻倍",
            (
                "小户型收纳技巧，空间翻倍",
                "衣柜收纳前后，整齐到强迫症舒适",
                "厨房收纳｜台面终于清爽了",
            ),
            (
                "衣服竖着叠，一眼就能看到每一件",
                "门后挂收纳袋，放零碎小东西",
                "床底用带轮子的收纳箱，换季衣物都塞进去",
                "厨房上墙，锅铲调料都挂起来",
                "定期断舍离，一年没用过的就送出去",
            ),
            ("收纳", "小户型", "整理"),
        ),
        Subject(
            "好物分享",
            "提升幸福感\n的家居好物",
            ("提升幸福感的家居好物", "这些小东西让家里舒服很多", "搬家后买对的10件家居好物"),
            (
                "感应夜灯：半夜起床不用摸黑",
                "自动出泡洗手机：小朋友爱上洗手",
                "电动拖把：拖地不再弯腰",
                "香薰机：下班回家整个房间都是香的",
                "收纳推车：客厅卫生间都能用",
            ),
            ("家居好物", "提升幸福感", "好物分享"),
        ),
        Subject(
            "奶油风客厅",
            "奶油风客厅\n温柔又耐看",
            ("奶油风客厅，温柔又耐看", "装修一年，奶油风的真实感受", "奶油风软装清单｜附链接"),
            (
                "墙面选暖白色，比纯白更柔和",
                "沙发选云朵沙发，坐上去不想起来",
                "茶几用圆角的，有孩子也安全",
                "窗帘选米色双层，白天透光晚上遮光",
                "灯光全部用3000K暖光",
            ),
            ("奶油风", "客厅装修", "装修日记"),
        ),
        Subject(
            "阳台花园",
            "阳台小花园\n新手也能养",
            ("阳台小花园，新手也能养", "把阳台改成了花园🌿", "阳台种菜一年，收获满满"),
            (
                "先看阳台朝向，南向什么都好养",
                "新手从绿萝、薄荷、多肉开始",
                "花盆底部一定要有排水孔",
                "浇水见干见湿，不要天天浇",
                "加一把椅子一盏灯，晚上在阳台发呆",
            ),
            ("阳台花园", "养花", "绿植"),
        ),
    ),
    openers=(
        "搬进来一年，{name}终于弄好了，分享一下～",
        "{name}真的可以让生活幸福感翻倍",
        "关于{name}，我踩过的坑你们别再踩了👇",
        "好多人问{name}的清单，统一回复在这里",
    ),
    closers=(
        "家是自己的，住得舒服最重要🏠",
        "有想知道链接的评论区问我～",
        "收藏起来慢慢改，不用一次到位",
        "下期分享卧室，关注等更新",
    ),
)

FIELDS: dict[str, Field] = {field.key: field for field in (BEAUTY, FOOD, TRAVEL, FITNESS, HOME)}

PRODUCT_OPENERS = (
    "用了{days}天{product}，来说说真实感受",
    "{product}到底值不值？我用空了一瓶",
    "最近皮肤状态好了很多，主要是因为{product}",
)
PRODUCT_POINTS = (
    "质地：{texture}，上脸很快吸收，不黏腻",
    "气味：淡淡的山茶花香，不刺鼻",
    "肤感：第二天起来皮肤软软的，上妆更服帖",
    "适合：{skin}，敏感期我也在用",
    "用法：{usage}",
    "价格：{price}元，活动的时候更划算",
)
PRODUCT_TITLES = (
    "用了{days}天{short}，真实反馈",
    "{short}｜熬夜党的急救",
    "秋冬换季，我靠{short}稳住",
    "{short}测评，值不值得买",
    "回购第三瓶的{short}",
)
PRODUCT_COVERS = ("真实测评", "使用心得", "换季必备")
PRODUCT_CLOSERS = (
    "以上都是个人真实感受，每个人肤质不同哦～",
    "有问题可以评论区问，我看到都会回💬",
    "小黄车链接放在笔记里了，需要的自取",
)


def compose(field: Field, subject: Subject, rng: np.random.Generator, used: set[str]) -> NoteText:
    """A note on `subject`: one of its titles (made distinct from `used`), an opener, 3–5 of
    its points under one style of markers, a closer, and its topics plus the field's name."""
    title = _distinct(subject.titles[int(rng.integers(len(subject.titles)))], used, rng)
    count = int(rng.integers(3, len(subject.points) + 1))
    order = sorted(rng.choice(len(subject.points), size=count, replace=False))
    markers = _MARKERS[int(rng.integers(len(_MARKERS)))]
    opener = field.openers[int(rng.integers(len(field.openers)))].format(name=subject.name)
    closer = field.closers[int(rng.integers(len(field.closers)))]
    lines = [f"{markers[i]} {subject.points[index]}" for i, index in enumerate(order)]
    body = "\n\n".join([opener, "\n".join(lines), closer])
    return NoteText(title, _fit_body(body), (*subject.topics, field.name), subject.cover)


def compose_product(
    product_name: str, price_fen: int, rng: np.random.Generator, used: set[str]
) -> NoteText:
    """A note about one of the demo brand's products, by the brand or a creator it briefed."""
    short = product_name.split(" ")[0]
    days = int(rng.choice((7, 14, 21, 28)))
    title = _distinct(
        PRODUCT_TITLES[int(rng.integers(len(PRODUCT_TITLES)))].format(days=days, short=short),
        used,
        rng,
    )
    facts = {
        "texture": str(rng.choice(("水润乳液", "轻薄精华水", "绵密面霜", "清透凝露"))),
        "skin": str(rng.choice(("干皮和混干皮", "混油皮", "所有肤质", "敏感肌"))),
        "usage": str(rng.choice(("早晚洁面后使用，按压两泵", "化妆水之后，轻拍至吸收"))),
        "price": f"{price_fen // 100}",
    }
    opener = PRODUCT_OPENERS[int(rng.integers(len(PRODUCT_OPENERS)))]
    points = [point.format(**facts) for point in PRODUCT_POINTS]
    picked = sorted(rng.choice(len(points), size=4, replace=False))
    lines = [f"{_MARKERS[0][i]} {points[index]}" for i, index in enumerate(picked)]
    body = "\n\n".join(
        [
            opener.format(days=days, product=short),
            "\n".join(lines),
            PRODUCT_CLOSERS[int(rng.integers(len(PRODUCT_CLOSERS)))],
        ]
    )
    cover = f"{short}\n{rng.choice(PRODUCT_COVERS)}"
    return NoteText(title, _fit_body(body), ("山茶花护肤", "秋冬护肤", "护肤好物"), cover)


def _distinct(title: str, used: set[str], rng: np.random.Generator) -> str:
    """`title` if it is new, else it with one of the marks creators add (in random order),
    within the width; the plain title again when every mark is taken."""
    marks = [title + _MARKS[index] for index in rng.permutation(len(_MARKS))]
    for candidate in [title, *marks]:
        if candidate not in used and width_units(candidate) <= TITLE_WIDTH:
            used.add(candidate)
            return candidate
    return _fit_title(title)


def _fit_title(title: str) -> str:
    while width_units(title) > TITLE_WIDTH:
        title = title[:-1]
    return title


def _fit_body(body: str) -> str:
    return body if char_count(body) <= BODY_CHARS else body[:BODY_CHARS]
