Console.Error.WriteLine("usage: telehealth-sim <command>");
return 2;
