# Invoke-S365BulkCancelAddition, Undo-S365Change and Get-S365Change against the staged module and the simulator
# process: -WhatIf writes nothing, a run cancels exactly what it should (counted from the simulator's own data), a
# second run changes nothing, undo restores, and a killed process loses no journal line.
BeforeAll {
    . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
    $null = Import-S365TestModule
    $script:Sim = (Get-S365TestSetting S365_SIM_URL).TrimEnd('/')
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("s365-bulkcancel-" + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $Work -Force

    function Get-SimAddition {
        # Every addition with its company and agreement type, from the simulator's export (the ground truth).
        $raw = (Invoke-WebRequest -Uri "$Sim/_sim/export").Content | ConvertFrom-Json -DateKind String
        $companies = @{}
        foreach ($c in $raw.tables.companies.rows) { $companies[[long]$c.id] = $c.name }
        $agreements = @{}
        foreach ($a in $raw.tables.agreements.rows) { $agreements[[long]$a.id] = $a }
        $rows = @($raw.tables.additions.rows)
        $parents = @($raw.tables.additions.parentIds)
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $agreement = $agreements[[long]$parents[$i]]
            [pscustomobject]@{
                Id        = [long]$rows[$i].id
                Company   = $companies[[long]$agreement.company.id]
                Serial    = $rows[$i].PSObject.Properties['serialNumber']?.Value
                Effective = $rows[$i].PSObject.Properties['effectiveDate']?.Value
                Cancelled = $rows[$i].PSObject.Properties['cancelledDate']?.Value
            }
        }
    }

    function Get-ExpectedCancel([object[]]$Additions, [scriptblock]$InScope) {
        # Active CloudConsole additions that start on or before 2026-12-31, decided here, not by Sync365.
        @($Additions | Where-Object {
                (& $InScope $_) -and $_.Serial -eq 'CloudConsole' -and
                (-not $_.Cancelled -or $_.Cancelled.Substring(0, 10) -gt '2026-12-31') -and
                (-not $_.Effective -or $_.Effective.Substring(0, 10) -le '2026-12-31')
            })
    }

    function Get-PatchCount {
        $stats = Invoke-RestMethod -Uri "$Sim/_sim/stats"
        $sum = [long]0
        foreach ($row in @($stats.byRoute)) { if ($row.method -eq 'PATCH' -and $row.route -like '*additions*') { $sum += [long]$row.count } }
        $sum
    }

    function Set-SimFault([hashtable]$Settings) {
        $null = Invoke-RestMethod -Method Post -Uri "$Sim/_sim/faults" -ContentType 'application/json' -Body ($Settings | ConvertTo-Json -Compress)
    }

    Reset-S365Simulator
    Connect-S365Demo
}

AfterAll {
    Set-SimFault @{}
    Reset-S365Simulator
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-S365BulkCancelAddition against the demo' {
    BeforeAll {
        $script:Before = @(Get-SimAddition)
        $script:Expected = Get-ExpectedCancel $Before { param($a) $a.Company -like 'C*' }
        $script:Journal = Join-Path $Work 'demo.jsonl'
    }

    It 'finds CloudConsole additions to work on' {
        $Expected.Count | Should -BeGreaterThan 10
    }

    It '-WhatIf sends no write and lists exactly what would be cancelled' {
        $null = Invoke-RestMethod -Method Delete -Uri "$Sim/_sim/stats"
        $result = @(Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $Journal -WhatIf)
        Get-PatchCount | Should -Be 0
        Test-Path -LiteralPath $Journal | Should -BeFalse
        @($result | Where-Object Status -EQ 'WouldCancel' | ForEach-Object AdditionId | Sort-Object) | Should -Be @($Expected.Id | Sort-Object)
    }

    It 'cancels exactly the active CloudConsole additions of the chosen companies' {
        $info = $null
        $result = @(Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $Journal -Confirm:$false -InformationVariable info)
        $? | Should -BeTrue
        @($result | Where-Object Status -EQ 'Cancelled' | ForEach-Object AdditionId | Sort-Object) | Should -Be @($Expected.Id | Sort-Object)
        Get-PatchCount | Should -Be $Expected.Count
        $after = @{}
        foreach ($a in Get-SimAddition) { $after[$a.Id] = $a }
        foreach ($e in $Expected) { $after[$e.Id].Cancelled | Should -BeLike '2026-12-31T00:00:00*' }
        @($Before | Where-Object { $_.Id -notin $Expected.Id -and $after[$_.Id].Cancelled -ne $_.Cancelled }).Count | Should -Be 0
        ($info | Where-Object { $_.Tags -contains 'Sync365.Journal' }).MessageData.ToString() | Should -BeLike "*$Journal*"
        ($info | Where-Object { $_.Tags -contains 'Sync365.Summary' }).MessageData.ToString() | Should -BeLike "*Cancelled $($Expected.Count)*"
    }

    It 'shows a readable table by default' {
        $text = Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -WhatIf | Select-Object -First 3 | Out-String -Width 250
        $text | Should -Match 'Status\s+Company\s+Agreement\s+Addition\s+Product'
        $text | Should -Match 'AlreadyCancelled'
    }

    It 'changes nothing when run again, and reports the done ones as AlreadyCancelled' {
        $null = Invoke-RestMethod -Method Delete -Uri "$Sim/_sim/stats"
        $result = @(Invoke-S365BulkCancelAddition -Company 'C*' -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath (Join-Path $Work 'again.jsonl') -Confirm:$false)
        Get-PatchCount | Should -Be 0
        @($result | Where-Object Status -EQ 'Cancelled').Count | Should -Be 0
        $already = @($result | Where-Object Status -EQ 'AlreadyCancelled' | ForEach-Object AdditionId)
        foreach ($id in $Expected.Id) { $already | Should -Contain $id }
    }

    It 'journals every change, without keys, and Get-S365Change lists them' {
        Get-Content -Raw -LiteralPath $Journal | Should -Not -Match 'demoprivate'
        $run = @(Get-S365Change -JournalPath $Journal -Run)
        $run.Count | Should -Be 1
        $run[0].Done | Should -Be $Expected.Count
        $run[0].CompanyId | Should -Be 'sync365demo'
        @(Get-S365Change -JournalPath $Journal -State Done).Count | Should -Be $Expected.Count
    }

    It 'Undo-S365Change restores every one of them' {
        $undo = @(Undo-S365Change -JournalPath $Journal -Confirm:$false)
        @($undo | Where-Object Status -EQ 'Undone').Count | Should -Be $Expected.Count
        $now = @{}
        foreach ($a in Get-SimAddition) { $now[$a.Id] = $a }
        foreach ($b in $Before) { $now[$b.Id].Cancelled | Should -Be $b.Cancelled }
    }
}

Describe 'A killed process' {
    BeforeAll {
        Reset-S365Simulator
        $script:Before = @(Get-SimAddition)
        $script:Expected = Get-ExpectedCancel $Before { $true }
        $script:Journal = Join-Path $Work 'killed.jsonl'
        $script:Script = Join-Path $Work 'run.ps1'
        Set-Content -LiteralPath $Script -Encoding utf8NoBOM -Value @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-S365TestSetting S365_MODULE_PATH)'
Connect-S365Psa -Server '$Sim' -CompanyId sync365demo -PublicKey demopublic -PrivateKey (ConvertTo-SecureString demoprivate -AsPlainText -Force) -ClientId $($S365Demo.ClientId)
Invoke-S365BulkCancelAddition -All -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath '$Journal' -Confirm:`$false | Out-Null
"@
        Set-SimFault @{ latencyMs = 40 }
        $null = Invoke-RestMethod -Method Delete -Uri "$Sim/_sim/stats"
        $processPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) + @('-NoProfile', '-NonInteractive', '-File', $Script)
        $process = Start-Process -FilePath $processPath -ArgumentList $arguments -PassThru -RedirectStandardOutput (Join-Path $Work 'out.txt') -RedirectStandardError (Join-Path $Work 'err.txt')
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        while ((Get-PatchCount) -lt 20 -and [DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) { Start-Sleep -Milliseconds 20 }
        $script:ExitedByItself = $process.HasExited
        $process.Kill($true)
        $process.WaitForExit()
        # A PATCH the process sent just before it died may still be in the simulator's 40 ms latency: let it land
        # (or not) before reading the server's state, which is what the journal has to cover.
        Start-Sleep -Seconds 1
        Set-SimFault @{}
        $after = @{}
        foreach ($a in Get-SimAddition) { $after[$a.Id] = $a }
        $script:ChangedOnServer = @($Before | Where-Object { $after[$_.Id].Cancelled -ne $_.Cancelled } | ForEach-Object Id)
    }

    It 'was killed part way' {
        $ExitedByItself | Should -BeFalse -Because (Get-Content -Raw -LiteralPath (Join-Path $Work 'err.txt') -ErrorAction SilentlyContinue)
        $ChangedOnServer.Count | Should -BeGreaterThan 0
        $ChangedOnServer.Count | Should -BeLessThan $Expected.Count
    }

    It 'left a journal line for every change the server made' {
        $journalled = @(Get-S365Change -JournalPath $Journal 3>$null | ForEach-Object RecordId)
        foreach ($id in $ChangedOnServer) { $journalled | Should -Contain $id }
        $run = @(Get-S365Change -JournalPath $Journal -Run 3>$null)
        $run[0].Complete | Should -BeFalse
    }

    It 'is completed by a re-run' {
        $result = @(Invoke-S365BulkCancelAddition -All -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath (Join-Path $Work 'rerun.jsonl') -Confirm:$false)
        @($result | Where-Object Status -EQ 'Cancelled' | ForEach-Object AdditionId | Sort-Object) | Should -Be @($Expected.Id | Where-Object { $_ -notin $ChangedOnServer } | Sort-Object)
        $now = @{}
        foreach ($a in Get-SimAddition) { $now[$a.Id] = $a }
        foreach ($e in $Expected) { $now[$e.Id].Cancelled | Should -BeLike '2026-12-31T00:00:00*' }
    }

    It 'is undone, Unknown changes included, by reading the records' {
        # Every change the killed run made is put back. A change it journalled but never got to send (Unknown) was
        # made by the re-run instead; the record holds what the killed run meant to write, so it is put back too.
        $journalled = @(Get-S365Change -JournalPath $Journal 3>$null | ForEach-Object RecordId)
        $undo = @(Undo-S365Change -JournalPath $Journal -Confirm:$false 3>$null)
        $undone = @($undo | Where-Object Status -EQ 'Undone' | ForEach-Object RecordId)
        foreach ($id in $ChangedOnServer) { $undone | Should -Contain $id }
        foreach ($id in $undone) { $journalled | Should -Contain $id }
        @($undo | Where-Object Status -In 'Conflict', 'Failed').Count | Should -Be 0

        # Undoing the re-run too brings back the original state.
        $null = Undo-S365Change -JournalPath (Join-Path $Work 'rerun.jsonl') -Confirm:$false
        $now = @{}
        foreach ($a in Get-SimAddition) { $now[$a.Id] = $a }
        foreach ($b in $Before) { $now[$b.Id].Cancelled | Should -Be $b.Cancelled }
    }
}
