@{
    Synopsis    = 'Cancels, to one date, the active additions an old billing tool (CloudConsole, Unite) or people created, across companies, with a journal to undo it.'
    Description = @'
Invoke-S365BulkCancelAddition is the first step of moving an MSP onto automated licence billing: it finds the active agreement additions whose serial number shows which tool created them (CloudConsole, Unite) - or, without -SerialNumber, the manual ones with no serial number - in the chosen companies, and sets their cancelled date.

How it finds them: the companies' agreements are read in batches of 100 companies (with -AgreementType filtered on the server), then their additions through /system/bundles, filtered on the server by serial number, product and "still active on the cancel date". Every filter is checked again on the client, exactly and case-insensitively.

What it does with each addition:
- Cancelled: it had no cancelled date, or a later one; its cancelled date is now -CancelDate.
- WouldCancel: the same, under -WhatIf; nothing is sent.
- AlreadyCancelled: it already ends on the cancel date (a re-run reports the ones a first run did so), or ends earlier and is left as it is (a bulk cancel never extends billing).
- Skipped: it starts after the cancel date (cancelling it would end it before it begins), or you answered No at -Confirm.
- Failed: the PSA refused or never answered. This is a non-terminating error; the run goes on and $? is $false at the end, so a runbook can tell.

-CancelDate is a calendar date, not a time: whatever the machine's time zone and whatever time of day the value carries, that date is sent as yyyy-MM-ddT00:00:00Z (2026-12-31 is sent as 2026-12-31T00:00:00Z), which is how ConnectWise holds addition dates. The recommended cut-over cancels the old additions on the last day of this month and starts the new sync on the 1st of next month, so invoices line up.

Every change is journalled: before each PATCH a JSON line with the run id, time, server and company id (never a key), the record, and the cancelled date before and after is written and flushed to disk; the answer is recorded after. The journal's path is printed at the start of the run (an information message tagged Sync365.Journal that a runbook captures with 6>&1 or -InformationVariable) and in the summary at the end. Without -JournalPath each run gets its own file in the user's local data folder (Windows: %LOCALAPPDATA%\Sync365\journal; Linux, macOS: ~/.local/share/Sync365/journal). Undo-S365Change puts a run back; Get-S365Change lists what a journal holds.

Writes run -ThrottleLimit at a time through the connection's one HTTP pipeline, which waits as long as ConnectWise's Retry-After asks on a 429 and retries 5xx answers and dropped connections (a PATCH of a date is safe to repeat). Progress shows the counts and an estimate of the time left. If the run is interrupted (Ctrl+C, a closed session, a killed process), run the same command again: it cancels the rest and reports the done ones as AlreadyCancelled.

The command asks for confirmation per addition (ConfirmImpact High). Run it with -WhatIf first; in a runbook pass -Confirm:$false.
'@
    Parameters  = @{
        Company              = 'The companies to search: Get-S365Company objects (also from the pipeline), names with wildcards (''Contoso*''), or record ids. A name that matches no company is reported as an error and left out.'
        All                  = 'Search every company.'
        SerialNumber         = 'The serial number the old tool wrote on its additions, such as CloudConsole or Unite; compared case-insensitively. Leave it out (or pass an empty string) to find manual additions, the ones with no serial number.'
        Product              = 'Only additions of these products (catalog identifiers; wildcards allowed).'
        AgreementType        = 'Only additions on agreements of these types, such as ''Microsoft 365'' (wildcards allowed).'
        MappedAgreementsOnly = 'Only agreements that licence mappings point at. This version of Sync365 has no licence mappings yet, so the command stops with an error that says so instead of guessing.'
        CancelDate           = 'The date the additions end on, normally the last day of this month. A calendar date: it is sent as that date at 00:00:00Z whatever the time zone; any time of day is ignored.'
        ThrottleLimit        = 'How many PATCH requests are in flight at once (1-16, default 4). Lower it if ConnectWise answers 429 often; 429s are always waited out as Retry-After asks.'
        JournalPath          = 'The journal file to append this run to, or a folder to create the run''s file in. Default: a new file per run in the user''s local data folder (Sync365/journal).'
        Connection           = 'The connection to use: its name or the object Get-S365PsaConnection returns. Defaults to the last connection made.'
        WhatIf               = 'Shows what would be cancelled, addition by addition, and outputs each with Status WouldCancel, without sending any change or writing a journal.'
        Confirm              = 'Asks before each addition (the default, as ConfirmImpact is High). Pass -Confirm:$false in scripts and runbooks.'
    }
    Examples    = @(
        @{ Title = 'See what would be cancelled'; Code = 'Invoke-S365BulkCancelAddition -All -SerialNumber CloudConsole -CancelDate 2026-12-31 -WhatIf'; Remarks = 'Lists every active CloudConsole addition and what would happen to it. Nothing is sent.' }
        @{ Title = 'Cancel CloudConsole additions of some companies'; Code = 'Get-S365Company -Name ''Contoso*'' | Invoke-S365BulkCancelAddition -SerialNumber CloudConsole -CancelDate 2026-12-31 -Confirm:$false'; Remarks = 'Cancels them to 31 December 2026 and prints the journal path, then a summary.' }
        @{ Title = 'Manual Microsoft 365 additions, in a runbook'; Code = '$r = Invoke-S365BulkCancelAddition -All -AgreementType ''Microsoft 365'' -CancelDate 2026-12-31 -Confirm:$false -JournalPath ./cutover.jsonl 6>&1; if (-not $?) { throw ''Some additions failed; see the errors.'' }'; Remarks = 'No -SerialNumber: finds additions with no serial number. The information messages (journal path, summary) are captured with the results.' }
        @{ Title = 'Only failures, as a table'; Code = 'Invoke-S365BulkCancelAddition -Company 12, 14 -SerialNumber Unite -CancelDate 2026-12-31 -Confirm:$false | Where-Object Status -eq Failed | Format-Table Company, AdditionId, Product, Error'; Remarks = 'Companies by record id.' }
    )
    Links       = @('Undo-S365Change', 'Get-S365Change', 'Get-S365Company')
}
