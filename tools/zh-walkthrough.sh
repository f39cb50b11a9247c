#!/usr/bin/env bash
# Write docs/zh-TW.md: each command's output under zh-TW, run on a copy of the shipped register (outside
# git, so that `kbbt log` shows the register's own history only). Run it again after a change of output:
#
#   bash tools/zh-walkthrough.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release --quiet --package kbbt
KBBT=$PWD/target/release/kbbt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/register"
cp -r platform.yaml cases meetings schemas "$WORK/register/"
OUT=docs/zh-TW.md

# show TITLE TEXT ARGS…: a section with the command and its whole output (standard error too).
show() {
    local title=$1 text=$2
    shift 2
    {
        printf '\n## %s\n\n%s\n\n```console\n$ kbbt %s\n' "$title" "$text" "$*"
        (cd "$WORK/register" && LANG=zh_TW.UTF-8 "$KBBT" --width 100 "$@" 2>&1) || true
        printf '```\n'
    } >>"$OUT"
}

cat >"$OUT" <<'HEAD'
# kbbt 的繁體中文輸出

以下是 kbbt 在繁體中文環境（`LANG=zh_TW.UTF-8` 或 `--lang zh-TW`）下各命令的實際輸出，執行於本專案所附的
基北北桃合作交流平臺登記簿（資料時間 114 年 12 月 31 日）。日期以民國年表示（表格中為 `114-12-31`，
文件中為「114 年 12 月 31 日」）；案件編號、檔案路徑、組別代碼及登記簿本身的內容照原樣列出，不翻譯。
JSON 與 CSV 等機器格式一律使用英文鍵名及 ISO 日期，不隨語言改變。

本文件由 `bash tools/zh-walkthrough.sh` 產生；輸出有所變更時請重新執行。
HEAD

show "檢查登記簿：validate" "檢查每個檔案，列出所有問題及其位置；有錯誤時結束代碼為 1。此處的警告是 10 件未列於 114 年 12 月 31 日完整列表的案件。" validate
show "會議統計：status" "最近一場會議各組的新增、解列及持續列管案數，以及歷來累計。會議檔僅記載新增時，其餘案數為「不詳」，不是 0。" status
show "單一組別：status --group" "指定組別（名稱、代碼或別名皆可），並列出該組本次會議的案件。" status --group 交通組
show "查詢案件：list" "依組別、狀態（可用中文：持續列管、解列、併案、被取代、提案）、城市、議題或文字查詢。" list --group 交通組 --status 持續列管
show "案件資料卡：show" "一件案件的歷程、最新辦理情形及管考燈號。" show TR-005
show "案件歷程：log" "決議與辦理情形，新到舊（在 git 儲存庫中也列出檔案的提交紀錄）。" log TR-005
show "決議事項：minutes" "以會議紀錄的用語輸出決議事項；案數不詳時寫「案數不詳」。" minutes vm-6
show "辦理情形過舊：check stale" "最新辦理情形早於 N 個月（預設 6 個月）的持續列管案件。" check stale --as-of 2025-12-31
show "逾期與落後：check overdue" "逾期的里程碑、實際進度落後預定進度的案件，以及逾期的主席指示。" check overdue --as-of 2025-12-31
show "兩場會議之間：diff" "各組新增、解列、整併、更名及辦理情形有更新的案件。" diff vm-4 vm-6 --group 交通組
show "建議里程碑：suggest milestones" "由辦理情形中的日期（預計、完工、開工、啟用…）建議里程碑；加上 --write 才寫入。" suggest milestones TR-005
show "套用會議決議：apply" "已套用的會議再套用一次時，不做任何變更並說明原因。" apply meetings/vm-6.yaml --dry-run
show "錯誤訊息：未知的組別" "使用者輸入的內容照原樣列出，並提示可用的組別。" status --group 捷運
show "錯誤訊息：日期" "日期可寫西元或民國；不存在的日期會被指出。" status --as-of 114-13-01
show "錯誤訊息：命令列" "命令列的用法錯誤也以中文說明（結束代碼 2）。" list --status 結案
show "說明：--help" "每個命令的說明、預設值及可用值。" status --help
echo "wrote $OUT" >&2
