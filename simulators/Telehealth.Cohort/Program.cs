Console.Error.WriteLine("usage: telehealth-cohort <command>");
return 2;
