@{
    RootModule             = 'Sync365.dll'
    ModuleVersion          = '0.0.0'
    GUID                   = '4f0c6a8e-3b51-4d8e-9a36-5e1d7c365365'
    Author                 = 'Sync365 contributors'
    CompanyName            = 'Sync365'
    Copyright              = '(c) Sync365 contributors. MIT licence.'
    Description            = 'Keeps PSA billing (ConnectWise Manage, Autotask) in step with Microsoft 365 licences, as pipeline objects.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    FormatsToProcess       = @('Sync365.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-S365Psa'
        'Disconnect-S365Psa'
        'Get-S365PsaConnection'
        'Get-S365Company'
        'Get-S365Contact'
        'Get-S365Agreement'
        'Get-S365AgreementType'
        'Get-S365Addition'
        'Get-S365Product'
        'Test-S365Connection'
        'Invoke-S365BulkCancelAddition'
        'Undo-S365Change'
        'Get-S365Change'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('ConnectWise', 'Autotask', 'Microsoft365', 'MSP', 'Billing', 'PSA')
            ProjectUri = 'https://example.invalid/sync365'
        }
    }
}
